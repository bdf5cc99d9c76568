/** PIPbook's one A1 module: addresses (./address.ts), the formula tokenizer (./formula.ts), the UTF-8 size of request text (./utf8.ts) and the bounded memo the hot paths keep their results in (./kept.ts). Imports nothing of ours. */
export * from "./address";
export * from "./formula";
export * from "./kept";
export * from "./utf8";
