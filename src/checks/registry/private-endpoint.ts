import { placeholder } from '../placeholder.js';

export const privateEndpointCheck = placeholder('registry.private-endpoint', 'registry', 'Private endpoint addresses', ['registry.dns'], ['PRIVATE_ENDPOINT_ERROR']);
