import type { Principal } from '../domain/account';

/** Per-request values middleware puts on the context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set when the request carries a valid session. */
    principal?: Principal;
    /** How the session came: a cookie (needs CSRF checks on writes) or a bearer token. */
    session?: { sid: string; via: 'cookie' | 'bearer' };
  };
}
