import { formatDateTime } from '@/lib/admin-format';
import type { StaffSessionItem } from '@/lib/admin-sessions-api';
import { EndSessionButton } from './EndSessionButton';

/** A short, readable name for a browser from its user agent (the full string is in the title). */
function browserName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined;
  return os ? `${browser} on ${os}` : browser;
}

/** The signed-in staff member's live sessions: this one marked, every other with "End session". */
export function SessionsList({ sessions }: { sessions: StaffSessionItem[] }) {
  return (
    <ul className="grid gap-3" data-testid="sessions">
      {sessions.map((session) => {
        const name = browserName(session.userAgent);
        const label = `${name}, signed in ${formatDateTime(session.createdAt)}`;
        return (
          <li
            key={session.id}
            data-testid="session"
            data-current={session.current || undefined}
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-shop-line bg-white p-4"
          >
            <div className="min-w-0">
              <p className="font-semibold" title={session.userAgent ?? undefined}>
                {name}
                {session.current && (
                  <span className="ml-2 rounded-full bg-shop-ink px-2 py-0.5 text-xs text-white">This session</span>
                )}
              </p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-shop-muted">
                <dt>Signed in</dt>
                <dd>{formatDateTime(session.createdAt)}</dd>
                <dt>Last seen</dt>
                <dd>{formatDateTime(session.lastSeenAt)}</dd>
                <dt>Address</dt>
                <dd className="break-all">{session.clientAddress ?? 'unknown'}</dd>
              </dl>
            </div>
            {session.current ? (
              <p className="text-sm text-shop-muted">Use Sign out to end this one.</p>
            ) : (
              <EndSessionButton sessionId={session.id} label={label} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
