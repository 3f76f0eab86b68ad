export { apply, isApplied, revert } from './apply.js';
