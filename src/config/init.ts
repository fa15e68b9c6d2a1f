// `osai init`: a commented .osai.yml for a repository, listing what osai could not find for the user to declare.
import type { Report } from '../report/types.js';
import { CATEGORIES, RESTRICTION_TYPES } from '../ruleset/vocabulary.js';

/** The text of a starting .osai.yml for the checked repository; every key it sets is valid, the rest is commented. */
export function renderInitConfig(report: Report): string {
  const profiles = report.profiles.map((p) => p.id).join(', ');
  const missing = report.components
    .filter((c) => c.status === 'absent' || (c.status === 'referenced' && !c.license))
    .sort((a, b) => Number(b.required) - Number(a.required));
  const out = [
    `# osai configuration, written by \`osai init\` (osai ${report.tool.version}). Reference: the osai README, "Configuration".`,
    '# Found from the checked folder upward; `osai check --config <file>` uses another one.',
    '',
    `# The profile whose verdict sets the exit code: ${profiles}.`,
    `profile: ${report.profile.id}`,
    '# true: warnings fail the build too.',
    'strict: false',
    '',
    '# License policy, applied to every license osai finds and to every component\'s license (AND: all bind; OR: any',
    '# one may be chosen). An entry is an SPDX or LicenseRef- id (optionally with + or WITH an exception), a category',
    `# (${CATEGORIES.join(', ')}),`,
    `# or a restriction type (${RESTRICTION_TYPES.slice(0, 6).join(', ')},`,
    `# ${RESTRICTION_TYPES.slice(6).join(', ')}).`,
    '# allow: [osi-approved]',
    '# deny: [non-commercial, research-only]',
    '',
    '# Findings you accept, by code, each with a reason; after `until` (YYYY-MM-DD) the run fails with ignore-expired.',
    '# Optional `file:` or `component:` narrow an entry to one file or component.',
    '# ignore:',
    '#   - code: access-gated-auto',
    '#     reason: "the gate only collects contact details; accepted by legal"',
    '#     until: 2027-01-01',
    '',
  ];
  if (missing.length === 0) {
    out.push('# Components that live outside this repository (osai found every component in it):', '# components: []');
  } else {
    out.push(
      '# Components osai could not find in this repository, or could not see the license of. Declare each one that',
      '# lives elsewhere (a code repository, a dataset) with its location and license; a component declared without',
      '# a license counts as released but unlicensed.',
      '# components:',
    );
    for (const c of missing) {
      const why = c.status === 'referenced' ? 'linked, license not visible' : 'not found';
      const link = c.status === 'referenced' ? c.evidence.find((e) => e.detail)?.detail : undefined;
      out.push(
        `#   - id: ${c.id}${' '.repeat(Math.max(1, 34 - c.id.length))}# ${c.name}: ${why}${c.required ? `, required by ${report.profile.id}` : ''}`,
        `#     location: ${link && !/[#\n]/.test(link) ? link : '<where it is published, e.g. a repository URL>'}`,
        '#     license: <an SPDX id such as Apache-2.0>',
      );
    }
  }
  return `${out.join('\n')}\n`;
}
