import { serializerCompiler } from 'fastify-type-provider-zod';

type Compile = typeof serializerCompiler;

/**
 * The routes' response serializer: the declared zod schema parses the answer (compiled per route) and drops what it
 * does not declare. In test mode a dropped field fails the answer instead, so a schema that forgets a field the
 * web app reads is caught by the integration test that receives it, not by a user.
 */
export function responseSerializer(testMode: boolean): Compile {
  if (!testMode) return serializerCompiler;
  return (route) => {
    const serialize = serializerCompiler(route);
    return (data: unknown) => {
      const out = serialize(data);
      const lost = droppedField(JSON.parse(JSON.stringify(data) ?? 'null'), JSON.parse(out), '');
      if (lost !== undefined) throw new Error(`${route.method} ${route.url}: the answer's field ${lost} is not in the declared response schema`);
      return out;
    };
  };
}

/** The path of the first field the serialized answer lost, if any. */
function droppedField(given: unknown, sent: unknown, at: string): string | undefined {
  if (Array.isArray(given) && Array.isArray(sent)) {
    for (let i = 0; i < given.length; i++) {
      const lost = droppedField(given[i], sent[i], `${at}[${i}]`);
      if (lost !== undefined) return lost;
    }
    return undefined;
  }
  if (given && typeof given === 'object' && sent && typeof sent === 'object' && !Array.isArray(sent)) {
    for (const [key, value] of Object.entries(given)) {
      const path = at ? `${at}.${key}` : key;
      if (!(key in sent) && value !== undefined) return path;
      const lost = droppedField(value, (sent as Record<string, unknown>)[key], path);
      if (lost !== undefined) return lost;
    }
  }
  return undefined;
}
