export * from './codec';
export { toBase64Url, fromBase64Url } from './base64url';
