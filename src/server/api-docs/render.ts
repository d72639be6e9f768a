/**
 * @module The API reference page: the OpenAPI document rendered on the server as plain HTML (no script, no inline
 * style, so the strict CSP holds), with one section per tag, one per operation, and the schemas they name.
 */
import type { Locale } from '../../domain/text.ts';

/** The parts of an OpenAPI 3.1 document the page reads; the document itself comes from @hono/zod-openapi. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  additionalProperties?: boolean | SchemaObject;
  required?: string[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  allOf?: SchemaObject[];
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  default?: unknown;
}

interface MediaTypes {
  content?: Record<string, { schema?: SchemaObject }>;
}

export interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: SchemaObject;
  }[];
  requestBody?: MediaTypes & { required?: boolean; description?: string };
  responses?: Record<string, MediaTypes & { description?: string }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    securitySchemes?: Record<
      string,
      { type: string; description?: string; scheme?: string; name?: string; in?: string }
    >;
  };
}

const texts = {
  da: {
    title: 'API-reference',
    skip: 'Gå til indhold',
    toc: 'Indhold',
    intro:
      'Vejvisers API svarer med JSON under /api. Her er alle adresser med deres parametre, indhold og svar. Dokumentet selv er maskinlæsbart på',
    englishNote: 'Beskrivelserne af de enkelte adresser er på engelsk.',
    access: 'Adgang',
    accessIntro:
      'En adresse kaldes enten af en person, der er logget ind (sessionscookie), eller af en integration med en API-nøgle, hvis adressen er åben for nøglens omfang.',
    schemes: 'Adgangsmåder',
    operations: 'Adresser',
    schemas: 'Skemaer',
    method: 'Metode',
    path: 'Adresse',
    parameters: 'Parametre',
    requestBody: 'Indhold i forespørgslen',
    responses: 'Svar',
    name: 'Navn',
    where: 'Hvor',
    type: 'Type',
    required: 'Påkrævet',
    description: 'Beskrivelse',
    status: 'Status',
    body: 'Indhold',
    errorAnswers: 'Fejlsvar',
    yes: 'Ja',
    no: 'Nej',
    none: 'Ingen',
    noBody: 'Intet indhold',
    public: 'Åben for alle',
    session: 'Logget ind',
    tokenScopes: 'API-nøgle med omfang',
    sessionOnly: 'API-nøgler afvises',
    field: 'Felt',
    otherLanguage: 'English',
    otherLanguageHref: '?lang=en',
    footer: 'Vejviser · kompetenceprofiler for borgerservice',
    anyField: '(ethvert navn)',
  },
  en: {
    title: 'API reference',
    skip: 'Skip to content',
    toc: 'Contents',
    intro:
      "Vejviser's API answers with JSON under /api. Here is every address with its parameters, body and answers. The machine-readable document is at",
    englishNote: '',
    access: 'Access',
    accessIntro:
      'An address is called either by a logged-in person (session cookie) or by an integration with an API token, when the address is open to the token’s scope.',
    schemes: 'Ways in',
    operations: 'Addresses',
    schemas: 'Schemas',
    method: 'Method',
    path: 'Path',
    parameters: 'Parameters',
    requestBody: 'Request body',
    responses: 'Responses',
    name: 'Name',
    where: 'In',
    type: 'Type',
    required: 'Required',
    description: 'Description',
    status: 'Status',
    body: 'Body',
    errorAnswers: 'Error answers',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    noBody: 'No body',
    public: 'Open to everyone',
    session: 'Logged in',
    tokenScopes: 'API token with scope',
    sessionOnly: 'API tokens are refused',
    field: 'Field',
    otherLanguage: 'Dansk',
    otherLanguageHref: '?lang=da',
    footer: 'Vejviser · competence profiles for citizen service',
    anyField: '(any name)',
  },
} as const;
type Texts = (typeof texts)[Locale];

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );

/** Inline code in descriptions (`like this`) as <code>; everything else as text. */
const prose = (value: string): string =>
  escapeHtml(value).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);

const slug = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const operationId = (method: string, path: string): string => `op-${method}-${slug(path) || 'root'}`;
const schemaId = (name: string): string => `schema-${slug(name)}`;
const refName = (ref: string): string => ref.split('/').pop() ?? ref;

/** A schema's type in a few words, with a link where it names a schema of its own. */
function typeLabel(schema: SchemaObject | undefined): string {
  if (!schema) return '—';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return `<a href="#${schemaId(name)}">${escapeHtml(name)}</a>`;
  }
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) return variants.map(typeLabel).join(' | ');
  if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (schema.enum)
    return schema.enum.map((value) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return (
    types
      .map((type) => {
        if (type === 'array') return `array&lt;${typeLabel(schema.items)}&gt;`;
        if (type === 'object' && typeof schema.additionalProperties === 'object' && !schema.properties)
          return `map&lt;string, ${typeLabel(schema.additionalProperties)}&gt;`;
        return escapeHtml(schema.format ? `${type} (${schema.format})` : type);
      })
      .join(' | ') || 'any'
  );
}

/** Limits worth knowing when writing a request: lengths, ranges, defaults. */
function constraints(schema: SchemaObject): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined) parts.push(`minLength ${schema.minLength}`);
  if (schema.maxLength !== undefined) parts.push(`maxLength ${schema.maxLength}`);
  if (schema.minimum !== undefined) parts.push(`minimum ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`maximum ${schema.maximum}`);
  if (schema.maxItems !== undefined) parts.push(`maxItems ${schema.maxItems}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

/** One row per property, nested objects as dotted names, so a schema reads as a flat table. */
function propertyRows(schema: SchemaObject, t: Texts, prefix = '', depth = 0): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const fullName = `${prefix}${name}`;
    const details = [
      property.description ? prose(property.description) : '',
      escapeHtml(constraints(property)),
    ]
      .filter(Boolean)
      .join(' · ');
    const row = `<tr><th scope="row"><code>${escapeHtml(fullName)}</code></th><td>${typeLabel(property)}</td><td>${required.has(name) ? t.yes : t.no}</td><td>${details}</td></tr>`;
    const nested =
      property.properties && depth < 3 ? propertyRows(property, t, `${fullName}.`, depth + 1) : [];
    const items =
      property.items?.properties && depth < 3
        ? propertyRows(property.items, t, `${fullName}[].`, depth + 1)
        : [];
    return [row, ...nested, ...items];
  });
}

function propertyTable(schema: SchemaObject, t: Texts, caption: string): string {
  const rows = propertyRows(schema, t);
  if (rows.length === 0) {
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      return `<p>${escapeHtml(t.anyField)}: ${typeLabel(schema.additionalProperties)}</p>`;
    }
    return `<p>${typeLabel(schema)}</p>`;
  }
  return `<table><caption class="visually-hidden">${escapeHtml(caption)}</caption><thead><tr><th scope="col">${t.field}</th><th scope="col">${t.type}</th><th scope="col">${t.required}</th><th scope="col">${t.description}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function bodyOf(media: MediaTypes | undefined): string {
  const entries = Object.entries(media?.content ?? {});
  return entries
    .map(([type, { schema }]) => `<code>${escapeHtml(type)}</code> ${typeLabel(schema)}`)
    .join('<br>');
}

function accessOf(operation: Operation, t: Texts): string {
  const security = operation.security ?? [];
  if (security.length === 0) return t.public;
  const scopes = security.flatMap((requirement) => requirement.apiToken ?? []);
  const session = security.some((requirement) => 'sessionCookie' in requirement);
  return [
    session ? t.session : '',
    scopes.length
      ? `${t.tokenScopes} ${scopes.map((scope) => `<code>${escapeHtml(scope)}</code>`).join(', ')}`
      : t.sessionOnly,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Error answers mean the same on every route; each is explained once, and a route names only where it differs. */
type ErrorMeanings = Map<string, string>;

function errorMeanings(document: OpenApiDocument): ErrorMeanings {
  const counts = new Map<string, Map<string, number>>();
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        const byText = counts.get(status) ?? new Map<string, number>();
        byText.set(response.description ?? '', (byText.get(response.description ?? '') ?? 0) + 1);
        counts.set(status, byText);
      }
    }
  }
  return new Map(
    [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, byText]) => [status, [...byText.entries()].sort((a, b) => b[1] - a[1])[0]![0]]),
  );
}

function renderOperation(
  method: string,
  path: string,
  operation: Operation,
  t: Texts,
  en: string,
  meanings: ErrorMeanings,
): string {
  const id = operationId(method, path);
  const parameters = operation.parameters ?? [];
  const parameterTable = parameters.length
    ? `<table><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.where}</th><th scope="col">${t.type}</th><th scope="col">${t.required}</th><th scope="col">${t.description}</th></tr></thead><tbody>${parameters
        .map(
          (parameter) =>
            `<tr><th scope="row"><code>${escapeHtml(parameter.name)}</code></th><td>${escapeHtml(parameter.in)}</td><td>${typeLabel(parameter.schema)}</td><td>${parameter.required ? t.yes : t.no}</td><td${en}>${parameter.description ? prose(parameter.description) : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p>${t.none}</p>`;
  const requestBody = operation.requestBody ? `<p>${bodyOf(operation.requestBody)}</p>` : `<p>${t.none}</p>`;
  const entries = Object.entries(operation.responses ?? {});
  const responses = entries
    .filter(([status]) => Number(status) < 400)
    .map(
      ([status, response]) =>
        `<tr><th scope="row">${escapeHtml(status)}</th><td${en}>${prose(response.description ?? '')}</td><td>${bodyOf(response) || t.noBody}</td></tr>`,
    )
    .join('');
  const errors = entries
    .filter(([status]) => Number(status) >= 400)
    .map(([status, response]) => {
      const own = response.description && response.description !== meanings.get(status);
      return `<a href="#error-${escapeHtml(status)}">${escapeHtml(status)}</a>${own ? ` <span${en}>(${prose(response.description!)})</span>` : ''}`;
    });
  // Closed until asked for: the page stays a readable list of a hundred addresses, and find-in-page still opens them.
  return `<details class="operation" id="${id}">
<summary><h3><span class="method method-${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>/api${escapeHtml(path)}</code></h3>${operation.summary ? ` <span class="summary"${en}>${prose(operation.summary)}</span>` : ''}</summary>
${operation.description ? `<p${en}>${prose(operation.description)}</p>` : ''}
<p class="access"><strong>${t.access}:</strong> ${accessOf(operation, t)}</p>
<h4>${t.parameters}</h4>
${parameterTable}
<h4>${t.requestBody}</h4>
${requestBody}
<h4>${t.responses}</h4>
<table><thead><tr><th scope="col">${t.status}</th><th scope="col">${t.description}</th><th scope="col">${t.body}</th></tr></thead><tbody>${responses}</tbody></table>
${errors.length ? `<p>${t.errorAnswers}: ${errors.join(', ')}</p>` : ''}
</details>`;
}

const methodOrder = ['get', 'post', 'put', 'patch', 'delete'];

/** Operations grouped by their first tag, in the order the tags first appear in the document. */
function byTag(document: OpenApiDocument) {
  const groups = new Map<string, { method: string; path: string; operation: Operation }[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    const sorted = Object.entries(operations).sort(
      ([a], [b]) => methodOrder.indexOf(a) - methodOrder.indexOf(b),
    );
    for (const [method, operation] of sorted) {
      const tag = operation.tags?.[0] ?? 'Other';
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, operation }]);
    }
  }
  return groups;
}

export function renderApiReference(document: OpenApiDocument, locale: Locale): string {
  const t = texts[locale];
  // The operations' own texts are English: marked so, a screen reader reads them in English on the Danish page.
  const en = locale === 'en' ? '' : ' lang="en"';
  const groups = byTag(document);
  const meanings = errorMeanings(document);
  const errorTable = `<table><thead><tr><th scope="col">${t.status}</th><th scope="col">${t.description}</th></tr></thead><tbody>${[
    ...meanings.entries(),
  ]
    .map(
      ([status, text]) =>
        `<tr id="error-${escapeHtml(status)}"><th scope="row">${escapeHtml(status)}</th><td${en}>${prose(text)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const schemes = Object.entries(document.components?.securitySchemes ?? {})
    .map(
      ([name, scheme]) =>
        `<dt><code>${escapeHtml(name)}</code> (${escapeHtml([scheme.type, scheme.scheme ?? scheme.in ?? ''].filter(Boolean).join(', '))})</dt><dd${en}>${prose(scheme.description ?? '')}</dd>`,
    )
    .join('');
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const tagSections = [...groups.entries()]
    .map(
      ([tag, operations]) =>
        `<section aria-labelledby="tag-${slug(tag)}"><h2 id="tag-${slug(tag)}"${en}>${escapeHtml(tag)}</h2>${operations
          .map(({ method, path, operation }) => renderOperation(method, path, operation, t, en, meanings))
          .join('\n')}</section>`,
    )
    .join('\n');
  const toc = [...groups.entries()]
    .map(
      ([tag, operations]) =>
        `<li><a href="#tag-${slug(tag)}"${en}>${escapeHtml(tag)}</a><ul>${operations
          .map(
            ({ method, path }) =>
              `<li><a href="#${operationId(method, path)}">${escapeHtml(method.toUpperCase())} /api${escapeHtml(path)}</a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} – Vejviser</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/docs.css">
</head>
<body>
<a class="skip-link" href="#main">${t.skip}</a>
<header class="site-header">
<div class="container header-bar"><p class="brand"><a href="/">Vejviser</a> <span>${t.title}</span></p>
<p><a href="${t.otherLanguageHref}" lang="${locale === 'da' ? 'en' : 'da'}" hreflang="${locale === 'da' ? 'en' : 'da'}">${t.otherLanguage}</a></p></div>
</header>
<div class="container layout">
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${t.toc}</h2><ul><li><a href="#access">${t.access}</a></li>${toc}<li><a href="#schemas">${t.schemas}</a></li></ul></nav>
<main id="main" tabindex="-1">
<h1>${t.title}</h1>
<p class="lead">${t.intro} <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1, ${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}). ${t.englishNote}</p>
<section aria-labelledby="access"><h2 id="access">${t.access}</h2><p>${t.accessIntro}</p><h3>${t.schemes}</h3><dl>${schemes}</dl>
<h3>${t.errorAnswers}</h3>${document.info.description ? `<p${en}>${prose(document.info.description)}</p>` : ''}${errorTable}</section>
${tagSections}
<section aria-labelledby="schemas"><h2 id="schemas">${t.schemas}</h2>${schemas
    .map(
      ([name, schema]) =>
        `<details class="schema" id="${schemaId(name)}"><summary><h3><code>${escapeHtml(name)}</code></h3></summary>${propertyTable(schema, t, name)}</details>`,
    )
    .join('\n')}</section>
</main>
</div>
<footer class="site-footer"><div class="container"><p>${t.footer}</p></div></footer>
</body>
</html>
`;
}
