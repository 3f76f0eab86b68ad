/**
 * Every exported overload signature carries its own doc comment: an editor shows the doc of
 * the overload it resolved (hovering `gather(a, b)` or `sleep(1, 'v')`), not the first one's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

function undocumentedOverloads(): string[] {
  const missing: string[] = [];
  for (const name of readdirSync(packagesDir)) {
    if (name === 'test-support') continue;
    let files: string[];
    try {
      files = readdirSync(join(packagesDir, name, 'src')).filter((file) => file.endsWith('.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const path = join(packagesDir, name, 'src', file);
      const source = ts.createSourceFile(
        path,
        readFileSync(path, 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
      );
      const visit = (node: ts.Node): void => {
        const isSignature =
          (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
          node.body === undefined;
        const isPrivate =
          ts.isMethodDeclaration(node) &&
          node.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
        if (isSignature && !isPrivate && ts.getJSDocCommentsAndTags(node).length === 0) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          missing.push(`${name}/src/${file}:${line + 1} ${node.name?.getText() ?? ''}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return missing;
}

describe('overload signatures', () => {
  it('each have a doc comment', () => {
    expect(undocumentedOverloads()).toEqual([]);
  });
});
