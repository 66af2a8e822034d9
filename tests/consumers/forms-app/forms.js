// The package's Standard Schema validators in the form libraries a frontend
// team uses, with no adapter: React Hook Form's standardSchemaResolver (the
// resolver is a plain function: no React needed to run it), TanStack Form
// (form-core, what @tanstack/react-form wraps), and a zod 4 object schema.
// `rules` is the package as the caller imported it (the browser's
// keystroke-only entry, or the server entry); tests/js/frameworks.test.mjs
// runs this in Node and, bundled by esbuild, in Chromium.
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FieldApi, FormApi } from '@tanstack/form-core';
import { z } from 'zod';

export async function forms(rules) {
  const { linkSchema, instructionsSchema, objectSchema } = rules;
  const out = {};

  // React Hook Form: useForm({ resolver: standardSchemaResolver(settings) }).
  const settings = objectSchema({ link: linkSchema(), instructions: instructionsSchema({ link: 'https://doxy.me/drsmith' }) });
  const resolver = standardSchemaResolver(settings);
  const options = { fields: {}, shouldUseNativeValidation: false };
  const refused = await resolver({ link: 'doxy.me/drsmith', instructions: 'Or call 555-123-4567.' }, undefined, options);
  out.rhfErrors = Object.fromEntries(Object.entries(refused.errors).map(([field, e]) => [field, e.message]));
  const saved = await resolver({ link: ' https://doxy.me/drsmith?utm_source=mail ', instructions: '' }, undefined, options);
  out.rhfValues = saved.values;

  // TanStack Form: the schema as a field's validator.
  const form = new FormApi({ defaultValues: { link: '' } });
  form.mount();
  const field = new FieldApi({ form, name: 'link', validators: { onChange: linkSchema() } });
  field.mount();
  field.handleChange('http://doxy.me/drsmith');
  out.tanstackErrors = field.state.meta.errors.map((e) => (typeof e === 'string' ? e : e?.message));
  field.handleChange('https://doxy.me/drsmith');
  out.tanstackValid = field.state.meta.errors.length === 0;

  // zod 4: the link field of a zod object schema, its value the normalized link.
  const link = linkSchema();
  const Settings = z.object({
    name: z.string().min(1),
    link: z.string().transform((value, ctx) => {
      const result = link['~standard'].validate(value); // plain once loaded
      for (const issue of result.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message, params: { code: issue.code, fix: issue.fix } });
      return result.issues ? z.NEVER : result.value;
    }),
  });
  const bad = Settings.safeParse({ name: 'Dr Smith', link: 'http://doxy.me/drsmith' });
  out.zodIssues = bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.params?.code, i.params?.fix]);
  const good = Settings.safeParse({ name: 'Dr Smith', link: 'https://zoom.us/j/1234567890' });
  out.zodValue = good.success ? good.data.link : null;
  return out;
}
