// Public API of the util layer: generic helpers with no domain words.
export { CodedError } from './codedError';
export { publicMessage, HIDDEN_PATH } from './publicMessage';
export { memoiseStrings } from './memoiseStrings';
export { utf8Bytes } from './utf8Bytes';
