import { useState, type ReactNode } from 'react';

/** Accepts a file dropped anywhere on its children (the canvas) and says so while dragging. */
export function FileDrop({ onFile, children }: { onFile(file: File): void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className="tw-drop"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      {over && (
        <div className="tw-drop-hint">Drop a .sql, .dbml or design .json file to import it</div>
      )}
    </div>
  );
}
