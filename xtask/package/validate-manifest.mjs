// Validates a Custom Elements Manifest against the schema the
// `custom-elements-manifest` package publishes (JSON Schema draft 07, with
// Ajv). That schema is lenient in two ways that would let a broken
// manifest pass, so each custom element is checked further:
// - a declaration need only match one branch of a union, and a plain class
//   declaration accepts any extra key, so an element whose events lack
//   their `type` still passes: each custom element is validated against
//   the schema's CustomElementDeclaration itself;
// - no object rejects keys it does not define, so a misspelled one
//   ("cssPart" for "cssParts") passes and is ignored by every tool that
//   reads the manifest: the keys of each custom element and of its
//   attributes, members, events, CSS properties, slots and parts are
//   checked against the properties the schema defines for them.
//
//   node validate-manifest.mjs path/to/custom-elements.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('custom-elements-manifest/schema.json');
const path = process.argv[2];
const manifest = JSON.parse(readFileSync(path, 'utf8'));
const problems = [];

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const validateElement = ajv.compile({
  $ref: '#/definitions/CustomElementDeclaration',
  definitions: schema.definitions,
});
function report(errors, prefix = '') {
  for (const error of errors) {
    problems.push(`${prefix}${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
}
if (!validate(manifest)) report(validate.errors);

const known = (definition) => new Set(Object.keys(schema.definitions[definition].properties));
// The schema's TypeScript source has CustomElementField (a field that
// reflects an attribute); its JSON Schema leaves it out of the union.
const field = new Set([...known('ClassField'), 'attribute', 'reflects']);
const lists = {
  attributes: () => known('Attribute'),
  events: () => known('Event'),
  cssProperties: () => known('CssCustomProperty'),
  slots: () => known('Slot'),
  cssParts: () => known('CssPart'),
  members: (member) => (member.kind === 'method' ? known('ClassMethod') : field),
};
function checkKeys(object, allowed, where) {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) problems.push(`${where}: "${key}" is not a property the schema defines here`);
  }
}
manifest.modules.forEach((module, m) =>
  (module.declarations ?? []).forEach((declaration, d) => {
    if (!declaration.customElement) return;
    const where = `/modules/${m}/declarations/${d}`;
    if (!validateElement(declaration)) report(validateElement.errors, where);
    checkKeys(declaration, known('CustomElementDeclaration'), where);
    for (const [list, allowed] of Object.entries(lists)) {
      (declaration[list] ?? []).forEach((item, i) => checkKeys(item, allowed(item), `${where}/${list}/${i}`));
    }
  }),
);

if (problems.length > 0) {
  console.error(`${path} is not a valid Custom Elements Manifest:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${path}: a valid Custom Elements Manifest (schema ${manifest.schemaVersion})`);
