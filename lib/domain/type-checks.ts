/**
 * Compile-time checks: `Same<A, B>` is `true` only when A and B are the same type, so
 * `const check: Same<A, B> = true` fails to compile when a schema and its type drift apart.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only when `T` is `true`: `type Check = Assert<Same<A, B>>` names a compile-time check. */
export type Assert<T extends true> = T;
