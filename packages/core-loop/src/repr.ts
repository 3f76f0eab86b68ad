/** Python-flavoured `repr()` of a value, for messages and `toString()` of loop objects. */
export function repr(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `<function ${value.name || 'anonymous'}>`;
    default:
      break;
  }
  if (value === null) return 'null';
  if (value instanceof Error) return `${value.name}(${repr(value.message)})`;
  if (Array.isArray(value)) {
    if (value.length > 6) return `[${value.slice(0, 6).map(repr).join(', ')}, ...]`;
    return `[${value.map(repr).join(', ')}]`;
  }
  const own = (value as { toString?: () => string }).toString;
  if (typeof own === 'function' && own !== Object.prototype.toString) {
    try {
      return String(own.call(value));
    } catch {
      // fall through to the generic form
    }
  }
  // Generator objects have no constructor name: show them as Python shows generators.
  if (Object.prototype.toString.call(value) === '[object Generator]') return '<generator object>';
  const name = (value as object).constructor?.name;
  if (name === 'Object' || !name) return '<object>';
  return `<${name} object>`;
}

/** A callback's name and arguments as asyncio shows them in handles: `name(arg, ...)`. */
export function formatCallback(callback: unknown, args: readonly unknown[]): string {
  const name = typeof callback === 'function' ? callback.name || 'anonymous' : repr(callback);
  return `${name}(${args.map(repr).join(', ')})`;
}
