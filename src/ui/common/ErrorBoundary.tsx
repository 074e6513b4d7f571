import { Component, type ErrorInfo, type ReactNode } from 'react';
import { serializeDocument } from '../../core/model';
import { currentDocument, type StudioStore } from '../../state/store';
import { copyText, downloadFile, safeFileName } from './clipboard';

interface Props {
  /** What this part of the studio is, for the message ("the canvas", "the Review panel"). */
  area: string;
  store: StudioStore;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * A render error in one part of the studio stays in that part: the rest keeps working, the design
 * stays in the store (and keeps being saved), and the person can retry, take the design with them,
 * or copy a report. Without it, React unmounts the whole page on any render error.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the report; the console is where a developer looks first.
    console.error(`Tablewright: ${this.props.area} failed to draw`, error, info.componentStack);
  }

  private report(): string {
    const e = this.state.error;
    return [
      `Tablewright: ${this.props.area} failed to draw`,
      `${e?.name ?? 'Error'}: ${e?.message ?? ''}`,
      e?.stack ?? '',
      `at ${new Date().toISOString()}`,
      navigator.userAgent,
    ].join('\n');
  }

  render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const doc = currentDocument(this.props.store.getState());
    return (
      <div className="tw-crash" role="alert">
        <p>
          <strong>Something went wrong drawing {this.props.area}.</strong> Your design is safe: it
          is still open and saved. {this.state.error.message}
        </p>
        <div className="tw-row">
          <button
            type="button"
            className="tw-primary"
            onClick={() => this.setState({ error: null })}
          >
            Try again
          </button>
          <button
            type="button"
            onClick={() =>
              downloadFile(
                `${safeFileName(doc.design.name)}.tablewright.json`,
                serializeDocument(doc),
                'application/json',
              )
            }
          >
            Download design file
          </button>
          <button type="button" onClick={() => void copyText(this.report())}>
            Copy error report
          </button>
        </div>
      </div>
    );
  }
}
