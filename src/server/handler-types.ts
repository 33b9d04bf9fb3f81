import type { ApiParsed, ApiResult, EntryName } from '../shared/contract';
import type { CallContext } from './context';

/** The handler of entry K: validated input in, result out; expected failures throw AppError. */
export type Handler<K extends EntryName> = (input: ApiParsed<K>, ctx: CallContext) => Promise<ApiResult<K>>;

/** A map of handlers for some entries (one per area). */
export type HandlerMap<K extends EntryName> = { [P in K]: Handler<P> };
