import { joinRoom, type Collaboration, type JoinOptions } from './collaboration';

/** How the room session speaks to the person (the studio's notices). */
export type Tell = (text: string, tone?: 'info' | 'warning' | 'error') => void;

/**
 * Opens a room's connection for the studio, telling the person what goes wrong on the way and
 * later: a change from the room that was not applied, a failure, a change the relay refused for
 * its size. Undefined when the room cannot be joined (said too).
 */
export async function connectToRoom(
  options: Omit<JoinOptions, 'onRefused' | 'onError' | 'onClosed'>,
  tell: Tell,
): Promise<Collaboration | undefined> {
  const joined = await joinRoom({
    ...options,
    onRefused: (refusal) =>
      refusal.reason === 'readOnly'
        ? undefined
        : tell(`A change from the room was not applied: ${refusal.message}`, 'warning'),
    onError: (error) => tell(`Live collaboration failed: ${(error as Error).message ?? error}`),
    onClosed: (code, reason) => {
      if (reason === 'room-full')
        tell(
          'The relay refused a change: the room is over its size limit. Deleting old shared versions (Versions panel) frees space in it.',
          'error',
        );
      else if (code === 1009)
        tell('The relay refused a change: it is larger than the relay accepts.', 'error');
    },
  });
  if (!joined.ok) {
    tell(joined.error.message);
    return undefined;
  }
  return joined.value;
}
