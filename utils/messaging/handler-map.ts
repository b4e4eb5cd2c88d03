// What every message channel of the extension shares: requests discriminated on `type`, one answer type per request
// type, and one handler per request type in a typed map, so a request added to a contract without its handler (or
// answered with the wrong shape) does not compile. Zod-free: content scripts use it.

/** A request on any channel. */
export interface TypedRequest {
  type: string;
}

/** The request of one type on a channel. */
export type RequestOfType<Req extends TypedRequest, T extends Req['type']> = Extract<Req, { type: T }>;

/** One handler per request type of a channel; `Extra` is what the receiver passes along (the sender, say). */
export type HandlerMap<Req extends TypedRequest, Res extends { [T in Req['type']]: unknown }, Extra = void> = {
  [T in Req['type']]: (request: RequestOfType<Req, T>, extra: Extra) => Res[T] | Promise<Res[T]>;
};

/** A handler map whose handlers answer at once (the content-script channels: what they know is in memory). */
export type SyncHandlerMap<Req extends TypedRequest, Res extends { [T in Req['type']]: unknown }> = {
  [T in Req['type']]: (request: RequestOfType<Req, T>) => Res[T];
};

/** Calls the handler of a request's type (the one place a handler map is indexed). */
export function dispatch<Req extends TypedRequest, Res extends { [T in Req['type']]: unknown }, Extra>(
  handlers: HandlerMap<Req, Res, Extra>,
  request: Req,
  extra: Extra,
): Res[Req['type']] | Promise<Res[Req['type']]> {
  const handler = handlers[request.type as Req['type']] as (r: Req, e: Extra) => Res[Req['type']];
  return handler(request, extra);
}
