import { placeholder } from '../placeholder.js';

export const cmkCheck = placeholder('registry.cmk', 'registry', 'Customer-managed key identity', [], ['CMK_ERROR']);
