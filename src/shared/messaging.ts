// Typed request helper over the protocol. Pages and the content script call `send`; tests pass a fake Transport.
import type { Payload, Replies, RequestType, Result } from './protocol';

/** Sends one message and resolves with the raw reply (a `Result`). Injected so tests can fake it. */
export type Transport = (message: { type: string; payload: unknown }) => Promise<unknown>;

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export function makeSend(transport: Transport) {
  return async function send<T extends RequestType>(type: T, payload: Payload<T>): Promise<Replies[T]> {
    const reply = (await transport({ type, payload })) as Result<Replies[T]> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new ProtocolError(`no reply to ${type}`);
    if (!reply.ok) throw new ProtocolError(reply.error);
    return reply.value;
  };
}

export type Send = ReturnType<typeof makeSend>;
