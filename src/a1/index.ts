/** PIPbook's one A1 module: addresses (./address.ts), the formula tokenizer (./formula.ts) and the UTF-8 size of request text (./utf8.ts). Imports nothing of ours. */
export * from "./address";
export * from "./formula";
export * from "./utf8";
