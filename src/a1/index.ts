/** PIPbook's one A1 module: addresses (./address.ts) and the formula tokenizer (./formula.ts). Imports nothing of ours. */
export * from "./address";
export * from "./formula";
