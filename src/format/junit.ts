// JUnit XML for CI test tabs: a test case per profile and per component; failures carry the findings.
import type { Finding, Report } from '../report/types.js';
import type { FormatOptions } from './index.js';

/** XML 1.0 text: escape markup and drop the control characters XML cannot hold. */
function xml(text: string | number): string {
  return String(text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

interface Case { classname: string; name: string; failure?: { message: string; body: string }; out?: string }

const line = (f: Finding) => `${f.severity} [${f.code}] ${f.file ? `${f.file}${f.line ? `:${f.line}` : ''}: ` : ''}${f.message}${f.help ? `\n  fix: ${f.help}` : ''}`;

export default function formatJunit(report: Report, _options: FormatOptions): string {
  const strict = report.profile.strict;
  const gates = (f: Finding) => f.verdict !== 'pass' || (strict && f.severity === 'warning');
  const profiles: Case[] = report.profiles.map((p) => {
    const chosen = p.id === report.profile.id;
    const summary = `${p.verdict}: ${p.summary.errors} failed, ${p.summary.unknown} unknown, ${p.summary.warnings} warnings`;
    const body = chosen ? report.findings.map(line).join('\n') : summary;
    return { classname: 'osai.profile', name: p.id, ...(p.verdict !== 'pass' ? { failure: { message: summary, body } } : {}) };
  });
  const components: Case[] = report.components.filter((c) => c.required || c.status !== 'absent').map((c) => {
    // Policy findings sit on a license and name the components it governs in `args.components`.
    const own = report.findings.filter((f) => f.component === c.id || String(f.args['components'] ?? '').split(', ').includes(c.id));
    const failing = own.filter(gates);
    const rest = own.filter((f) => !gates(f));
    return {
      classname: `osai.component.${report.profile.id}`,
      name: c.id,
      ...(failing.length > 0 ? { failure: { message: failing.map((f) => f.code).join(', '), body: failing.map(line).join('\n') } } : {}),
      ...(rest.length > 0 ? { out: rest.map(line).join('\n') } : {}),
    };
  });
  const suites = [
    { name: 'osai profiles', cases: profiles },
    { name: `osai components (${report.profile.id})`, cases: components },
  ];
  const count = (cases: Case[]) => ({ tests: cases.length, failures: cases.filter((c) => c.failure).length });
  const all = suites.flatMap((s) => s.cases);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="osai" tests="${count(all).tests}" failures="${count(all).failures}">`];
  for (const s of suites) {
    const n = count(s.cases);
    out.push(`  <testsuite name="${xml(s.name)}" tests="${n.tests}" failures="${n.failures}" errors="0" skipped="0">`);
    for (const c of s.cases) {
      const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
      if (!c.failure && !c.out) { out.push(`${open}/>`); continue; }
      out.push(`${open}>`);
      if (c.failure) out.push(`      <failure message="${xml(c.failure.message)}" type="osai">${xml(c.failure.body)}</failure>`);
      if (c.out) out.push(`      <system-out>${xml(c.out)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
