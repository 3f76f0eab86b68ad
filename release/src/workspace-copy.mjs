// A copy of the workspace in a temporary folder, so that the release (which versions the
// packages and writes changelogs) never touches the working tree it was started from.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Copies every file git tracks or would track (not ignored) from `root` to `target`. */
export function copyWorkspace(root, target) {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .toString('utf8')
    .split('\0')
    .filter((path) => path !== '');
  for (const path of listed) {
    const from = join(root, path);
    const to = join(target, path);
    mkdirSync(dirname(to), { recursive: true });
    try {
      cpSync(from, to);
    } catch (error) {
      // A file deleted in the working tree but still in the index is simply not copied.
      if (error.code !== 'ENOENT') throw error;
    }
  }
  return target;
}
