// The form libraries over the server entry (Node): every schema answers at once.
import * as rules from 'telehealth-rules';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { forms } from './forms.js';

const out = await forms(rules);
// A location is an object of fields: its schema is the form's own.
const resolver = standardSchemaResolver(rules.locationSchema());
const located = await resolver({ state: 'Calif.', zip: '10001' }, undefined, { fields: {}, shouldUseNativeValidation: false });
out.rhfLocation = Object.fromEntries(Object.entries(located.errors).map(([field, e]) => [field, e.message]));
out.rhfLocationValues = (await resolver({ state: 'Calif.', zip: '94110' }, undefined, { fields: {}, shouldUseNativeValidation: false })).values;
console.log(JSON.stringify(out));
