import type { ReactNode } from 'react';

interface Tab<T extends string> {
  id: T;
  label: string;
  content: ReactNode;
}

interface TabsProps<T extends string> {
  label: string;
  value: T;
  onChange(v: T): void;
  tabs: Tab<T>[];
  /** Controls beside the tab strip (e.g. hide the panel). */
  actions?: ReactNode;
  /** Only the tab strip shows; choosing a tab opens the panel again (through `onChange`). */
  collapsed?: boolean;
  height?: number;
}

/** WAI-ARIA tabs: arrow keys move between tabs; only the active panel is rendered. */
export function Tabs<T extends string>({
  label,
  value,
  onChange,
  tabs,
  actions,
  collapsed,
  height,
}: TabsProps<T>) {
  const active = tabs.find((t) => t.id === value) ?? tabs[0];
  return (
    <section
      className={`tw-tabs${collapsed ? ' is-collapsed' : ''}`}
      style={height ? { height } : undefined}
    >
      <div className="tw-tabs-header">
        <div role="tablist" aria-label={label} className="tw-tablist">
          {tabs.map((t, i) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={t.id === active?.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={t.id === active?.id ? 0 : -1}
              onClick={() => onChange(t.id)}
              onKeyDown={(e) => {
                const next =
                  e.key === 'ArrowRight'
                    ? tabs[(i + 1) % tabs.length]
                    : e.key === 'ArrowLeft'
                      ? tabs[(i - 1 + tabs.length) % tabs.length]
                      : undefined;
                if (next) {
                  onChange(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        {actions && <div className="tw-tablist-actions">{actions}</div>}
      </div>
      {active && !collapsed && (
        <div
          role="tabpanel"
          id={`panel-${active.id}`}
          aria-labelledby={`tab-${active.id}`}
          className="tw-tabpanel"
        >
          {active.content}
        </div>
      )}
    </section>
  );
}
