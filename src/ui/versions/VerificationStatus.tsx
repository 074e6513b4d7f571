import type { Verification } from '../../app/comparison';

/** The verdict beside the migration: Postgres ran it both ways, or here is exactly what differs. */
export function VerificationStatus({
  verification,
  fromLabel,
  toLabel,
}: {
  verification: Verification;
  fromLabel: string;
  toLabel: string;
}) {
  if (verification.state === 'running') {
    return (
      <p
        className="tw-verification tw-verification-running"
        role="status"
        aria-label="Verification"
      >
        <progress aria-label="Verifying" /> Postgres is checking the migration: {fromLabel}’s DDL,
        then up, must equal {toLabel}; then down must give {fromLabel} back…
      </p>
    );
  }
  if (verification.state === 'error') {
    return (
      <p className="tw-verification tw-verification-failed" role="status" aria-label="Verification">
        Not verified: {verification.message}
      </p>
    );
  }
  const r = verification.result;
  if (r.verified) {
    return (
      <p className="tw-verification tw-verification-ok" role="status" aria-label="Verification">
        ✓ Verified by Postgres: up turns {fromLabel} into {toLabel}, and down turns it back, catalog
        for catalog.
      </p>
    );
  }
  return (
    <div className="tw-verification tw-verification-failed" role="status" aria-label="Verification">
      <p>
        ✗ Not verified.
        {r.failedStep &&
          ` Postgres refused ${r.failedStep.direction} step ${r.failedStep.index + 1}: ${r.failedStep.error}`}
      </p>
      {r.failedStep && <code>{r.failedStep.sql}</code>}
      {r.differences.length > 0 && (
        <ul aria-label="Differences">
          {r.differences.slice(0, 50).map((d, i) => (
            <li key={i}>
              <code>{d}</code>
            </li>
          ))}
          {r.differences.length > 50 && <li>…and {r.differences.length - 50} more</li>}
        </ul>
      )}
    </div>
  );
}
