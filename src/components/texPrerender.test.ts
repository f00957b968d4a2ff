import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prerenderTex } from '../../scripts/tex-prerender';
import { renderTex } from './katexRender';

const HEAD = "import { Tex } from '../components/Tex';\n";

/** The `pre` strings inserted into `code`, in order. */
function pres(code: string): string[] {
  return [...code.matchAll(/ pre=\{("(?:[^"\\]|\\.)*")\}/g)].map((m) => JSON.parse(m[1]) as string);
}

describe('build-time typesetting (scripts/tex-prerender.ts)', () => {
  it('typesets written-out TeX exactly as the browser would, inline and display', () => {
    const code = `${HEAD}const a = <p>Take <Tex math="\\frac{a}{b}" /> and <Tex display math="x > 0" className="big" />.</p>;`;
    const r = prerenderTex(code)!;
    expect(r.count).toBe(2);
    expect(pres(r.code)).toEqual([renderTex('\\frac{a}{b}', false), renderTex('x > 0', true)]);
    // Only inserted: the original source is all still there, in order.
    expect(r.code.replace(/ pre=\{"(?:[^"\\]|\\.)*"\}/g, '')).toBe(code);
  });

  it('reads String.raw and quoted literals across lines, and leaves computed TeX to the browser', () => {
    const code = `${HEAD}const x = 3;
const a = (
  <div>
    <Tex
      display
      math={String.raw\`\\sum_{i=1}^n x_i\`}
    />
    <Tex math={'\\\\alpha + 1'} />
    <Tex math={\`\${x} + 1\`} />
    <Tex math={String.raw\`\${x}\`} />
    <Tex math={label} />
    <Tex {...props} />
  </div>
);`;
    const r = prerenderTex(code)!;
    expect(r.count).toBe(2);
    expect(r.skipped).toBe(4);
    expect(pres(r.code)).toEqual([renderTex('\\sum_{i=1}^n x_i', true), renderTex('\\alpha + 1', false)]);
  });

  it('leaves files alone that do not use Tex, and reports TeX that KaTeX rejects', () => {
    expect(prerenderTex('const a = <Texture math="x" />;')).toBeNull();
    expect(prerenderTex(`import { Tex } from './Other';\nconst a = <Tex math="x" />;`)).toBeNull();
    const r = prerenderTex(`${HEAD}const a = <Tex math="\\frac{a" />;`, 'bad.tsx')!;
    expect(r.count).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^bad\.tsx:2: /);
  });

  it('typesets the written-out formulas of every page and lab, without a KaTeX error', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.tsx')) files.push(p);
      }
    };
    walk(join(__dirname, '..'));
    let count = 0;
    const errors: string[] = [];
    for (const f of files) {
      const r = prerenderTex(readFileSync(f, 'utf8'), f);
      if (!r) continue;
      count += r.count;
      errors.push(...r.errors);
    }
    expect(errors).toEqual([]);
    // Most of the course's formulas are written out (about 800 in the lecture pages alone).
    expect(count).toBeGreaterThan(700);
  });
});
