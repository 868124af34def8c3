/** The host parts the read-only account is made for by default: '%' for TCP connections (127.0.0.1 included), 'localhost' for the Unix socket. */
export const DEFAULT_READONLY_HOSTS = ["%", "localhost"] as const;
