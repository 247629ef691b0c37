/**
 * Types for the userland `punycode` package. It is imported by its file path so bundlers pick the
 * package rather than Node's deprecated built-in module of the same name.
 */
declare module 'punycode/punycode.js' {
  interface Punycode {
    toASCII(domain: string): string;
    toUnicode(domain: string): string;
    encode(input: string): string;
    decode(input: string): string;
  }
  const punycode: Punycode;
  export default punycode;
}
