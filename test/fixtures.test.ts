// One row per fixture: [fixture, profile, verdict, finding codes that must appear]. The name of a fixture is its spec.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { check } from '../src/run.js';
import { fixture, ROOT } from './helpers/run-cli.js';
import { RULES_FIXTURES } from './helpers/rules-fixtures.js';

type Row = [fixture: string, profile: string, verdict: 'pass' | 'fail' | 'unknown', codes: string[]];

const TABLE: Row[] = [
  ['apache-weights-full-release', 'osaid-1.0', 'pass', []],
  ['llama-3-weights', 'osaid-1.0', 'fail', ['freedom-restricted']], // license-category joins the restriction's finding
  ['cc-by-nc-weights', 'osaid-1.0', 'fail', ['freedom-restricted']],
  ['mit-weights-only', 'osaid-1.0', 'fail', ['component-missing', 'component-missing-any', 'data-information-missing']],
  ['card-apache-license-llama-3', 'osaid-1.0', 'fail', ['license-conflict', 'freedom-restricted']],
  ['no-model-card', 'osaid-1.0', 'fail', ['card-missing']],
  ['front-matter-invalid', 'osaid-1.0', 'fail', ['front-matter-invalid']],
  ['license-file-empty', 'osaid-1.0', 'fail', ['license-file-empty']],
  ['license-file-binary', 'osaid-1.0', 'fail', ['license-file-binary']],
  ['training-code-declared', 'osaid-1.0', 'pass', []],
  ['declared-without-license', 'osaid-1.0', 'fail', ['license-missing']],
  // OSI's published validation of OSAID 1.0 (openness-frameworks.md §1.6), at the license-and-component level.
  ['osi-pythia-like-passes', 'osaid-1.0', 'pass', []],
  ['osi-olmo-like-passes', 'osaid-1.0', 'pass', []],
  ['osi-t5-like-passes', 'osaid-1.0', 'pass', []],
  ['osi-amber-like-passes', 'osaid-1.0', 'pass', []],
  ['osi-llama-2-like-fails', 'osaid-1.0', 'fail', ['component-missing', 'freedom-restricted', 'data-information-missing']],
  ['osi-grok-like-fails', 'osaid-1.0', 'fail', ['component-missing', 'data-information-missing']],
  ['osi-phi-2-like-fails', 'osaid-1.0', 'fail', ['component-missing', 'data-information-missing']],
  ['osi-mixtral-like-fails', 'osaid-1.0', 'fail', ['component-missing', 'data-information-missing']],
  ['osi-bloom-like-fails-on-terms', 'osaid-1.0', 'fail', ['freedom-restricted']], // license-category joins the restriction's finding
  ['osi-starcoder2-like-fails-on-terms', 'osaid-1.0', 'fail', ['freedom-restricted']], // license-category joins the restriction's finding
  ['osi-falcon-like-fails-on-terms', 'osaid-1.0', 'fail', ['freedom-restricted']], // license-category joins the restriction's finding
  // The Model Openness Tool's Class I entries (openness-frameworks.md §2.7), every component declared.
  ['osi-pythia-like-passes', 'mof-class-1', 'pass', []],
  ['osi-olmo-like-passes', 'mof-class-1', 'pass', []],
  ['osi-amber-like-passes', 'mof-class-1', 'pass', []],
  ['osi-t5-like-passes', 'mof-class-1', 'fail', ['component-missing']],
  ['osi-bloom-like-fails-on-terms', 'mof-class-3', 'fail', ['license-category']],
  ['osi-mixtral-like-fails', 'mof-class-2', 'fail', ['component-missing']],
  ['gguf-header-llama-3-card-apache', 'open-weights', 'fail', ['license-conflict', 'license-lineage-conflict', 'freedom-restricted']],
  ['safetensors-header-license-agrees', 'open-weights', 'pass', []],
  // The cache folder itself is no repository (its card sits in snapshots/<sha>/); test/hf-cache.test.ts checks the snapshot.
  ['hf-cache-snapshot', 'open-weights', 'fail', ['card-missing']],
  ['llama-3-finetune-apache', 'open-weights', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  ['card-links-code-and-paper', 'osaid-1.0', 'fail', ['license-unverified']],
  ['linked-open-release', 'mof-class-2', 'pass', ['license-type-inappropriate']],
  ['data-information-in-card', 'osaid-1.0', 'pass', []],
  ['data-information-partial', 'osaid-1.0', 'fail', ['data-information-incomplete']],
  ['noncommercial-dataset', 'osaid-1.0', 'pass', ['dataset-license-restricted']],
  ['gated-manual', 'open-weights', 'fail', ['access-gated-manual']],
  ['gated-click-through-eu', 'open-weights', 'fail', ['access-click-through', 'access-eu-disallowed']],
  ['gated-auto-contact', 'open-weights', 'pass', ['access-gated-auto']],
  ['clarify-matching', 'open-weights', 'pass', []],
  ['clarify-stale', 'open-weights', 'fail', ['clarify-stale', 'license-unidentified']],
  // Policy (.osai.yml allow / deny / ignore); the full matrix with exit codes is in test/policy.test.ts.
  ['policy-allow-osi-approved', 'open-weights', 'pass', []],
  ['policy-allow-list-miss', 'open-weights', 'fail', ['license-not-allowed']],
  ['policy-deny-license', 'open-weights', 'fail', ['license-denied']],
  ['policy-deny-category-or', 'open-weights', 'pass', []],
  ['policy-deny-category-and', 'open-weights', 'fail', ['license-denied']],
  ['policy-with-exception-denied', 'open-weights', 'fail', ['license-denied']],
  ['policy-with-exception-allowed', 'open-weights', 'pass', []],
  ['policy-unrated-license-category', 'open-weights', 'unknown', ['license-policy-unknown']],
  ['policy-strict-warning', 'open-weights', 'fail', ['access-gated-auto']],
  ['policy-ignore', 'open-weights', 'pass', []],
  ['policy-ignore-expired', 'open-weights', 'fail', ['ignore-expired', 'access-gated-auto']],
  ['policy-ignore-scoped', 'open-weights', 'fail', ['access-gated-auto']],
  // The card's license binds the weights even when a LICENSE-MODEL names a more permissive one.
  ['card-llama-3-license-model-apache', 'open-weights', 'fail', ['license-conflict', 'freedom-restricted']],
  ['license-file-utf16', 'osaid-1.0', 'pass', []],
  ['front-matter-alias-bomb', 'osaid-1.0', 'fail', ['front-matter-invalid']],
  ['front-matter-python-tag', 'osaid-1.0', 'fail', ['front-matter-invalid']],
  ['card-family-label-license-file', 'open-weights', 'pass', []],
  ['card-family-label-no-file', 'open-weights', 'unknown', ['license-unidentified']],
  // A LICENSING.md is a license file by its name (rules/terms-files.yaml): its terms are read, never skipped.
  ['licensing-file-noncommercial-weights', 'osaid-1.0', 'unknown', ['license-unidentified']],
  // A NOTICE that limits where the weights may be used (rules/card-terms.yaml `territory`) binds on top of the license.
  ['notice-territory-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-territory-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // A data card is read as a card body is: a table row limiting use binds.
  ['data-card-terms-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // A place named without "countries": "may be used in France only".
  ['card-place-only-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // Places in an honest card's description of data and evaluation are not terms.
  ['card-places-honest', 'osaid-1.0', 'pass', []],
  // Every word inside a matched license text that the license does not have is read (issue 17): a one-word
  // substitution in a grant, terms in brackets or in an HTML comment are not that license.
  ['license-isc-substituted-grant', 'osaid-1.0', 'unknown', ['license-unidentified']],
  ['license-mit-substituted-grantee', 'osaid-1.0', 'unknown', ['license-unidentified']],
  ['license-isc-bracketed-terms', 'osaid-1.0', 'unknown', ['license-unidentified']],
  ['license-mit-comment-terms', 'osaid-1.0', 'unknown', ['license-unidentified']],
  // Words cut from a license, found by aligning it with the reference word by word (Apache-2.0 has "perpetual,
  // worldwide, …, irrevocable" twice, so trigrams alone miss the cut): another license.
  ['license-apache-cut-grant', 'osaid-1.0', 'unknown', ['license-unidentified']],
  ['license-isc-with-fee', 'osaid-1.0', 'unknown', ['license-unidentified']],
  // Text a license's template marks optional ("(including the next paragraph)" in MIT) is that license.
  ['license-mit-optional-text-honest', 'osaid-1.0', 'pass', []],
  // CITATION.cff's `license` is a declared license of the work, read as a manifest's.
  ['citation-cff-nc-weights', 'osaid-1.0', 'fail', ['license-conflict']],
  ['citation-cff-honest', 'osaid-1.0', 'pass', []],
  // A card that lists licenses beside a LICENSE with one of them: no conflict, and every listed license binds.
  ['card-license-list-honest', 'osaid-1.0', 'pass', []],
  ['card-license-list-nc', 'osaid-1.0', 'fail', ['freedom-restricted']],
  // A card naming one of two license files (LICENSE-APACHE, LICENSE-MIT, as dual-licensed projects ship them).
  ['license-dual-files-honest', 'osaid-1.0', 'pass', []],
  // Terms written in any prose of the release bind: a docs page, a sub-folder's README without model keys.
  ['docs-page-restricts-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['folder-readme-restricts-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['docs-pages-honest', 'osaid-1.0', 'pass', []],
  // A notebook's Markdown cells are prose of the release; its code cells and honest limitations state no terms.
  ['notebook-restricts-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['notebook-honest', 'osaid-1.0', 'pass', []],
  // Comments of configs and code (and a notebook's code cells, a module docstring) state terms like a docs page; an
  // Apache header, "For internal use only" said of a function, a string value and `don't` in YAML state none.
  ['config-comment-restricts-weights', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['code-header-noncommercial', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['notebook-code-comment-restricts', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['code-comments-honest', 'osaid-1.0', 'pass', []],
  // A YAML or TOML config's license key is read like config.json's; a JSON config's `_comment` is read as a comment.
  ['config-yaml-license-noncommercial', 'osaid-1.0', 'fail', ['freedom-restricted']],
  ['config-json-note-restricts', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // Any other JSON file's license key is read too (model_info.json); a metric named like a terms key is not terms.
  ['json-model-info-license-noncommercial', 'osaid-1.0', 'fail', ['freedom-restricted']],
  // Restrictions written in Chinese or German bind (rules/card-terms.yaml restrictions and substrings); a bilingual
  // card that grants commercial use in Chinese, German and Spanish states none.
  ['card-foreign-language-restricts', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-bilingual-honest', 'osaid-1.0', 'pass', []],
  // A badge's words and a license page's address are the card's text ("License: CC BY-NC 4.0" with no alt text, a
  // reference link to the by-nc deed); an Apache badge and links to permissive licenses state nothing more.
  ['card-license-link-badge-noncommercial', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-badges-links-honest', 'osaid-1.0', 'pass', []],
  // A file with no extension (READ_THIS_FIRST) and an AsciiDoc page are prose of the release too.
  ['docs-bare-name-and-adoc-restrict', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // A sentence binding the weights to a document osai does not know (an addendum, a rider: rules/card-terms.yaml
  // `bound`), in the card or a config comment, and an ADDENDUM.md, are terms; a sentence naming the release's own or a
  // known license ("subject to the terms of the Apache License, Version 2.0"), MIT's text in a docstring, "following
  // the policy gradient method" and "subject to change without notice" are not.
  ['card-rider-addendum', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['config-comment-rider', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['addendum-file-restricts', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-license-references-honest', 'osaid-1.0', 'pass', []],
  // "The weights are released under X", anywhere in the card: an unknown X is terms, a known one is its finding (a
  // Llama license beside Apache front matter conflicts); the dataset's or the Pile's license is theirs.
  ['card-weights-under-unknown-license', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-weights-under-llama-license', 'osaid-1.0', 'fail', ['license-conflict', 'freedom-restricted']],
  // "It is released under …" stands for what the card last named: here the model (rules/card-terms.yaml `pronouns`).
  ['card-pronoun-license-llama', 'osaid-1.0', 'fail', ['license-conflict', 'freedom-restricted']],
  // A document named in Title Case that osai does not know ("Weights license: Acme Model License") is terms; a
  // family named without a version ("the Apache License"), a platform's terms and a glossary heading are not.
  ['card-named-document-unknown', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // A data card saying which licenses' documents were removed states how the data was built, not terms (handling).
  ['data-card-license-filtering-honest', 'osaid-1.0', 'pass', []],
  // No model card, but a data card and a docs page: they are read all the same (this run crashed: the Markdown
  // parser was loaded only for a card), and the docs page's restriction is reported.
  ['no-card-docs-restrict', 'osaid-1.0', 'fail', ['card-missing', 'license-terms-added', 'data-information-incomplete']],
  // A front-matter `# …` comment is read for terms like its strings; the Hub template's own comments state none.
  ['card-front-matter-comment-restricts', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-front-matter-comments-honest', 'osaid-1.0', 'pass', []],
  // A front-matter key that states terms by its name: a freedom denied (`commercial_use: no`), a terms key whose value is
  // no license osai knows (`usage_policy: <url>`); granted freedoms and known licenses there pass (`licenses: [apache-2.0,
  // mit]` lists both, as `license:` does).
  ['card-front-matter-terms-keys', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-front-matter-terms-keys-honest', 'osaid-1.0', 'pass', []],
  // A copyright line whose holders run over several lines of names (OpenCLIP's LICENSE) is one copyright line.
  ['license-mit-long-holders-honest', 'osaid-1.0', 'pass', []],
  // List markers in Markdown emphasis ("**(a)**", "**1.**") are numbering, not words the license lacks.
  ['license-apache-markdown-bold-honest', 'osaid-1.0', 'pass', []],
  // Words that limit use outside any identified license text bind on top of it (red-team round 2).
  ['license-mit-with-added-terms', 'open-weights', 'unknown', ['license-terms-added', 'freedom-unknown']],
  ['license-mit-with-benign-note', 'open-weights', 'pass', []],
  // Issue 10.1: what a license match leaves unexplained is terms (unknown), unless rules/benign-lines.yaml knows it.
  ['license-mit-copyright-line-terms', 'open-weights', 'unknown', ['license-terms-added']],
  ['license-mit-unexplained-sentence', 'open-weights', 'unknown', ['license-terms-added']],
  ['license-mit-short-title-terms', 'open-weights', 'unknown', ['license-terms-added']],
  ['license-mit-foreign-rider', 'open-weights', 'unknown', ['license-terms-added']],
  ['license-mit-grant-cut', 'open-weights', 'unknown', ['license-unidentified']],
  ['license-apache-with-rider', 'open-weights', 'unknown', ['license-terms-added']],
  ['license-apache-with-filled-appendix', 'open-weights', 'pass', []],
  ['notice-restricts-use', 'open-weights', 'unknown', ['license-terms-added']],
  ['use-policy-beside-mit', 'open-weights', 'unknown', ['license-terms-added']],
  ['card-license-section-research-only', 'open-weights', 'unknown', ['license-terms-added']],
  ['spdx-tag-over-restrictive-text', 'open-weights', 'unknown', ['license-terms-added']],
  ['gated-manual-capitalised', 'open-weights', 'fail', ['access-gated-manual']],
  ['gated-heading-asks-agreement', 'open-weights', 'fail', ['access-click-through']],
  ['gated-value-unrecognised', 'open-weights', 'unknown', ['access-gate-unknown']],
  ['finetune-of-llama-reupload', 'open-weights', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  ['finetune-of-code-llama', 'open-weights', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  ['weights-subfolder-noncommercial', 'open-weights', 'fail', ['freedom-restricted']],
  ['clarify-overrides-identified-license', 'open-weights', 'pass', ['clarify-overrides']],
  ['safetensors-header-modelspec-license', 'open-weights', 'fail', ['license-conflict', 'freedom-restricted']],
  ['safetensors-header-id-and-name-differ', 'open-weights', 'fail', ['license-conflict', 'freedom-restricted']],
  ['data-card-placeholders', 'osaid-1.0', 'fail', ['data-information-incomplete']],
  ['terms-of-use-beside-mit', 'open-weights', 'unknown', ['license-terms-added']],
  ['card-terms-heading-research-only', 'open-weights', 'unknown', ['license-terms-added']],
  ['card-license-name-with-rider', 'open-weights', 'unknown', ['license-unidentified']],
  ['card-family-label-outside-family', 'open-weights', 'unknown', ['license-unidentified']],
  ['second-model-card-noncommercial', 'open-weights', 'fail', ['freedom-restricted']],
  ['stub-training-code-fails', 'osaid-1.0', 'fail', ['component-file-stub', 'component-missing']],
  ['empty-weights-file-fails', 'open-weights', 'fail', ['component-file-stub', 'component-missing']],
  ['gguf-header-broken-fails', 'open-weights', 'fail', ['weights-file-unusable', 'component-missing']],
  ['declared-location-placeholder', 'osaid-1.0', 'fail', ['declaration-location-placeholder', 'component-missing']],
  ['card-code-link-not-a-repository', 'osaid-1.0', 'fail', ['component-missing']],
  ['card-related-work-paper-not-own', 'mof-class-3', 'fail', ['component-missing-any']],
  ['training-code-only-in-tests', 'osaid-1.0', 'fail', ['component-missing']],
  ['data-card-table-of-contents-only', 'osaid-1.0', 'fail', ['data-information-incomplete']],
  ['checkpoint-folder-stub-file', 'mof-class-1', 'fail', ['component-file-stub', 'component-missing']],
  // Lineage binds, and unknown lineage is unknown (issue 11).
  ['base-model-unknown', 'open-weights', 'unknown', ['base-model-unknown']],
  // A base named in another metadata or config file (model_info.json `base_model`, a training YAML's nested
  // `pretrained_model_name_or_path`: rules/base-models.yaml `config-keys`) binds like the card's `base_model`.
  ['metadata-base-model-unknown', 'osaid-1.0', 'unknown', ['base-model-unknown']],
  ['config-yaml-base-llama', 'osaid-1.0', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  // training_args.json `model_name_or_path` (rules/base-models.yaml `known-only-keys`) names the model trained: a
  // base the rules rate binds, the model's own name does not.
  ['training-args-base-llama', 'osaid-1.0', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  ['training-args-own-name', 'osaid-1.0', 'pass', []],
  ['base-model-declared', 'open-weights', 'pass', []],
  ['base-model-per-size-falcon-180b', 'open-weights', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  ['adapter-config-bare-llama-name', 'open-weights', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  ['card-body-finetuned-from-link', 'open-weights', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  // A bare id after the same words binds as a link does; a framework pair or a ratio after them names no model.
  ['card-body-finetuned-from-bare-id', 'open-weights', 'fail', ['license-lineage-conflict', 'freedom-restricted']],
  ['card-body-finetuned-from-bare-unknown', 'open-weights', 'unknown', ['base-model-unknown']],
  ['card-body-slash-words-honest', 'open-weights', 'pass', []],
  ['merge-one-base-unknown', 'open-weights', 'unknown', ['base-model-unknown']],
  ['merge-bases-known-open', 'open-weights', 'pass', []],
  // A clone made without `git lfs pull` (actions/checkout's default) holds pointers: the release still passes.
  ['lfs-pointer-weights', 'open-weights', 'pass', []],
  ['lfs-pointer-to-empty-file', 'open-weights', 'fail', ['component-file-stub', 'component-missing']],
  // Committed as-is every file here is tracked, so all of them bind; test/git-files.test.ts builds its .git in a copy.
  // SPDX semantics: a choice agrees with each option; the Hub's gpl-3.0 says neither -only nor -or-later.
  ['dual-license-mit-or-apache', 'open-weights', 'pass', []],
  ['card-gpl-3.0-text-or-later', 'open-weights', 'pass', []],
  ['card-code-and-model-license-paragraph', 'osaid-1.0', 'fail', ['component-missing', 'data-information-missing']],
  // A release declared in .osai.yml alone, as MOT's records are: exactly MOT's class (bench/mot-conformance.mjs).
  ['declared-only-mof-class-1', 'mof-class-1', 'pass', []],
  ['declared-only-mof-class-2', 'mof-class-2', 'pass', []],
  ['declared-only-mof-class-3', 'mof-class-3', 'pass', []],
  ['declared-only-no-class', 'mof-class-3', 'fail', ['license-category']],
  // A card-only checkout: the weights are absent, but the card's license still says which freedoms it restricts.
  ['card-only-llama-3-terms', 'open-weights', 'fail', ['component-missing']],
  // A component needs substance: a placeholder trainer, a link to what will be released.
  ['stub-trainer-not-implemented', 'osaid-1.0', 'fail', ['component-file-placeholder', 'component-missing']],
  ['card-code-link-coming-soon', 'osaid-1.0', 'fail', ['component-missing']],
  // Data information needs substance: negated items and template filler cover nothing.
  ['data-card-negated-items', 'osaid-1.0', 'fail', ['data-information-incomplete']],
  ['data-card-lorem-ipsum', 'osaid-1.0', 'fail', ['data-information-incomplete']],
  ['git-ignored-weights', 'open-weights', 'unknown', ['license-unidentified', 'weights-header-invalid']],
  // Issue 10: every file, card sentence, table row, gate word and metadata field that can carry terms is read as terms.
  ['terms-usage-md-research-only', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['terms-file-spaced-name', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['terms-file-pdf', 'osaid-1.0', 'unknown', ['terms-file-unreadable']],
  ['terms-file-how-to-use-passes', 'osaid-1.0', 'pass', []],
  ['card-table-commercial-no', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-table-header-keyed-unknown', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-body-noncommercial-sentence', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-setext-html-bold-headings', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-advisory-sentences-pass', 'osaid-1.0', 'pass', []],
  ['card-key-capitalised-license', 'osaid-1.0', 'fail', ['card-key-noncanonical', 'freedom-restricted']],
  ['card-license-name-beside-apache', 'osaid-1.0', 'fail', ['license-conflict', 'freedom-restricted']],
  ['card-license-other-external-link', 'osaid-1.0', 'unknown', ['license-unidentified']],
  ['card-no-license', 'osaid-1.0', 'fail', ['card-license-missing']],
  ['subfolder-card-noncommercial', 'osaid-1.0', 'fail', ['freedom-restricted']],
  ['config-license-noncommercial', 'osaid-1.0', 'fail', ['freedom-restricted']],
  ['config-license-number', 'osaid-1.0', 'unknown', ['metadata-license-invalid']],
  ['safetensors-description-research-only', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['pyproject-pep639-license', 'osaid-1.0', 'pass', []],
  ['pyproject-license-file-unread', 'osaid-1.0', 'unknown', ['license-unidentified']],
  ['gated-restricts-noncommercial', 'osaid-1.0', 'fail', ['access-gate-restricts']],
  ['gated-purpose-select', 'osaid-1.0', 'unknown', ['access-gate-purpose']],
  ['card-tags-research-only', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // A restriction spelt with Cyrillic look-alike letters is read as the Latin words it shows.
  ['card-body-homoglyph-restriction', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // A sentence that names a known license is that license only when it says nothing more.
  ['card-subject-to-apache-and-policy', 'osaid-1.0', 'unknown', ['license-terms-added']],
  ['card-subject-to-apache-only-passes', 'osaid-1.0', 'pass', []],
  // Every *config*.json states terms as well as config.json does; an HTML comment's words are the card's.
  ['tokenizer-config-license-llama', 'osaid-1.0', 'fail', ['freedom-restricted']],
  ['card-html-comment-noncommercial', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // A PATENTS file states terms of its own (a termination on any claim): read as terms, unknown until settled.
  ['patents-file-extra-terms', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // Terms of a model the weights were distilled from, stated in the card: they may bind, so unknown.
  ['card-distilled-no-competing-uses', 'osaid-1.0', 'unknown', ['license-terms-added']],
  // osai scan's inputs (test/scan.test.ts): checked as one repository, none of them is a model release.
  ['scan-application-references', 'osaid-1.0', 'fail', ['card-metadata-missing']],
  ['scan-model-folders', 'osaid-1.0', 'fail', ['card-missing']],
  ['scan-hf-cache-two-snapshots', 'osaid-1.0', 'fail', ['card-missing']],
  ['scan-targets-file', 'osaid-1.0', 'fail', ['card-missing']],
  // issue 13: an ignore that accepts nothing warns, naming the code a typo meant
  ['policy-ignore-unmatched', 'osaid-1.0', 'pass', ['ignore-unmatched', 'ignore-code-unknown']],
  ...RULES_FIXTURES,
];

describe('fixtures', () => {
  test.each(TABLE)('%s under %s is %s', async (name, profile, verdict, codes) => {
    const report = await check(fixture(name), { profile });
    expect(report.profile.verdict).toBe(verdict);
    const found = new Set(report.findings.map((f) => f.code));
    for (const code of codes) expect(found, `expected finding ${code}`).toContain(code);
    if (verdict === 'pass') expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('every fixture folder has a row', () => {
    const folders = readdirSync(`${ROOT}fixtures`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const rows = new Set(TABLE.map(([name]) => name));
    expect(folders.filter((f) => !rows.has(f))).toEqual([]);
  });
});

describe('what the fixtures must say', () => {
  test('a negated data card covers nothing, and the finding names every missing item where the section is', async () => {
    const report = await check(fixture('data-card-negated-items'));
    expect(report.dataInformation.covered).toEqual([]);
    const f = report.findings.find((x) => x.code === 'data-information-incomplete')!;
    expect(f).toMatchObject({ file: 'README.md', line: 7 });
    expect(f.message).toContain('provenance');
    expect(report.findings.map((x) => x.code)).not.toContain('data-information-missing');
  });

  test('a placeholder trainer and "coming soon" links are not the code', async () => {
    const stub = await check(fixture('stub-trainer-not-implemented'));
    expect(stub.findings.find((f) => f.code === 'component-file-placeholder')).toMatchObject({ file: 'train.py', args: { component: 'training-code' } });
    expect(stub.components.find((c) => c.id === 'training-code')?.status).toBe('absent');
    const soon = await check(fixture('card-code-link-coming-soon'));
    for (const id of ['training-code', 'inference-code']) expect(soon.components.find((c) => c.id === id)?.status).toBe('absent');
  });

  test('without weights in the folder, the card\'s license answers the freedoms of model-parameters-final (status absent)', async () => {
    const report = await check(fixture('card-only-llama-3-terms'), { profile: 'open-weights' });
    expect(report.components.find((c) => c.id === 'model-parameters-final')).toMatchObject({ status: 'absent', license: 'LicenseRef-llama-3-community' });
    const freedoms = Object.fromEntries(report.freedoms.filter((f) => f.component === 'model-parameters-final').map((f) => [f.freedom, f.verdict]));
    expect(freedoms).toEqual({ use: 'fail', study: 'pass', modify: 'fail', share: 'fail' });
  });

  test.each([['declared-only-mof-class-1', 1], ['declared-only-mof-class-2', 2], ['declared-only-mof-class-3', 3], ['declared-only-no-class', 0]] as const)(
    '%s reaches exactly MOF class %s, its card declared elsewhere', async (name, expected) => {
      const report = await check(fixture(name));
      const pass = (id: string) => report.profiles.find((p) => p.id === id)?.verdict === 'pass';
      expect(pass('mof-class-1') ? 1 : pass('mof-class-2') ? 2 : pass('mof-class-3') ? 3 : 0).toBe(expected);
      expect(report.findings.map((f) => f.code)).not.toContain('card-missing');
    });

  test('a license stated for "the code and the model" covers the code repositories its paragraph links, and only those', async () => {
    const report = await check(fixture('card-code-and-model-license-paragraph'));
    const byId = Object.fromEntries(report.components.map((c) => [c.id, c]));
    expect(byId['training-code']).toMatchObject({ status: 'referenced', license: 'Apache-2.0', verdict: 'pass' });
    expect(byId['research-paper']?.license).toBeUndefined();
    const { checkReader } = await import('../src/run.js');
    const { createMemoryReader } = await import('../src/read/reader.js');
    const modelOnly = await checkReader(createMemoryReader({ 'README.md': '---\nlicense: apache-2.0\n---\nTraining code: https://github.com/a/b\nThe model is released under the Apache License 2.0.\n' }));
    expect(modelOnly.components.find((c) => c.id === 'training-code')?.license).toBeUndefined();
  });

  test('LFS pointers for safetensors, GGUF and bin are present weights with the pointer\'s size; their headers are a note', async () => {
    const report = await check(fixture('lfs-pointer-weights'), { profile: 'open-weights' });
    const weights = report.components.find((c) => c.id === 'model-parameters-final')!;
    expect(weights.status).toBe('present');
    expect(weights.evidence.map((e) => [e.file, e.detail])).toEqual([
      ['model-Q4_K_M.gguf', 'Git LFS pointer to 4920734016 bytes'], ['model.safetensors', 'Git LFS pointer to 4943162336 bytes'], ['pytorch_model.bin', 'Git LFS pointer to 9976578928 bytes'],
    ]);
    // A note (notes stay out of the findings list): never weights-header-invalid, a stub or a re-export.
    const codes = report.findings.map((f) => f.code);
    for (const code of ['weights-header-invalid', 'weights-file-unusable', 'component-file-stub']) expect(codes).not.toContain(code);
  });

  test('Llama 3 restricts use and share and names the 700M MAU and acceptable-use clauses', async () => {
    const report = await check(fixture('llama-3-weights'));
    const weights = report.freedoms.filter((f) => f.component === 'model-parameters-final');
    const verdict = Object.fromEntries(weights.map((f) => [f.freedom, f.verdict]));
    expect(verdict).toMatchObject({ use: 'fail', share: 'fail', study: 'pass' });
    const useReasons = weights.find((f) => f.freedom === 'use')!.reasons;
    expect(useReasons.map((r) => r.clause)).toEqual(expect.arrayContaining(['§2', '§1(b)(iv)']));
    expect(useReasons.some((r) => r.text.includes('700 million'))).toBe(true);
    expect(useReasons.some((r) => /acceptable use policy/i.test(r.text))).toBe(true);
  });

  test('CC-BY-NC-4.0 fails the use freedom of the weights, while the MIT code passes', async () => {
    const report = await check(fixture('cc-by-nc-weights'));
    const use = report.findings.find((f) => f.code === 'freedom-restricted' && f.components?.includes('model-parameters-final') && f.freedoms?.includes('use'));
    expect(use?.reasons?.[0]?.license).toBe('CC-BY-NC-4.0');
    expect(report.components.find((c) => c.id === 'training-code')).toMatchObject({ license: 'MIT', verdict: 'pass' });
  });

  test('weights alone: each missing component is named with what to add', async () => {
    const report = await check(fixture('mit-weights-only'));
    const missing = report.findings.filter((f) => f.code === 'component-missing').map((f) => f.component).sort();
    expect(missing).toEqual(['data-preprocessing-code', 'inference-code', 'model-architecture', 'supporting-libraries-and-tools', 'training-code']);
    for (const f of report.findings) expect(f.help, f.code).not.toBe('');
  });

  test('card apache-2.0 but LICENSE is Llama 3: a conflict, and the stricter license governs', async () => {
    const report = await check(fixture('card-apache-license-llama-3'));
    const conflict = report.findings.find((f) => f.code === 'license-conflict')!;
    expect(conflict.args).toMatchObject({ a: 'Apache-2.0', b: 'LicenseRef-llama-3-community', bFile: 'LICENSE' });
    const weights = report.components.find((c) => c.id === 'model-parameters-final')!;
    expect(weights.license).toBe('Apache-2.0 AND LicenseRef-llama-3-community');
    expect(weights.verdict).toBe('fail');
  });

  test('bad input names the file and line', async () => {
    const fm = (await check(fixture('front-matter-invalid'))).findings.find((f) => f.code === 'front-matter-invalid')!;
    expect(fm).toMatchObject({ file: 'README.md', line: 3 });
    const empty = (await check(fixture('license-file-empty'))).findings.find((f) => f.code === 'license-file-empty')!;
    expect(empty.file).toBe('LICENSE');
  });

  test('a component declared in .osai.yml counts, with the line that declares it', async () => {
    const report = await check(fixture('training-code-declared'));
    const training = report.components.find((c) => c.id === 'training-code')!;
    expect(training).toMatchObject({ status: 'declared', license: 'Apache-2.0', verdict: 'pass' });
    expect(training.evidence).toEqual([{ file: '.osai.yml', line: 3, kind: 'declaration', detail: 'https://github.com/example/tiny-model' }]);
  });

  test('a component declared without a license is released but unlicensed', async () => {
    const report = await check(fixture('declared-without-license'));
    const f = report.findings.find((x) => x.code === 'license-missing' && x.component === 'training-code');
    expect(f).toMatchObject({ file: '.osai.yml', line: 2 });
  });

  test('a GGUF header license is a weights-header finding that binds the weights and conflicts with the card', async () => {
    const report = await check(fixture('gguf-header-llama-3-card-apache'), { profile: 'open-weights' });
    expect(report.licenses).toContainEqual(expect.objectContaining({
      expression: 'LicenseRef-llama-3-community', source: { file: 'tiny-Q4_K_M.gguf', kind: 'weights-header' }, scope: { kind: 'group', group: 'weights' },
    }));
    const conflict = report.findings.find((f) => f.code === 'license-conflict')!;
    expect(conflict.args).toMatchObject({ a: 'Apache-2.0', b: 'LicenseRef-llama-3-community', bFile: 'tiny-Q4_K_M.gguf' });
    // The header's general.base_model.0.repo_url is lineage too.
    expect(report.findings.find((f) => f.code === 'license-lineage-conflict')?.args).toMatchObject({ base: 'meta-llama/Meta-Llama-3-8B' });
  });

  test('a safetensors header that agrees adds its finding without a conflict', async () => {
    const report = await check(fixture('safetensors-header-license-agrees'), { profile: 'open-weights' });
    expect(report.licenses.filter((l) => l.source.kind === 'weights-header').map((l) => [l.expression, l.raw])).toEqual([['Apache-2.0', 'license: apache-2.0']]);
    expect(report.components.find((c) => c.id === 'model-parameters-final')?.license).toBe('Apache-2.0');
  });

  test('a Llama 3 fine-tune declared apache-2.0 inherits the Llama 3 license and conflicts with its base', async () => {
    const report = await check(fixture('llama-3-finetune-apache'), { profile: 'open-weights' });
    expect(report.components.find((c) => c.id === 'model-parameters-final')?.license).toBe('Apache-2.0 AND LicenseRef-llama-3-community');
    const lineage = report.findings.filter((f) => f.code === 'license-lineage-conflict');
    expect(lineage).toHaveLength(1);
    expect(lineage[0]).toMatchObject({ file: 'README.md', line: 3, args: { base: 'meta-llama/Meta-Llama-3-8B', relation: 'finetune', license: 'Apache-2.0', claimFile: 'README.md, LICENSE' } });
  });

  test('card links: a bare repo link in a Code section is referenced training and inference code; arXiv is the paper', async () => {
    const report = await check(fixture('card-links-code-and-paper'));
    const byId = Object.fromEntries(report.components.map((c) => [c.id, c]));
    for (const id of ['training-code', 'inference-code']) {
      expect(byId[id]).toMatchObject({ status: 'referenced', evidence: [{ file: 'README.md', line: 9, kind: 'card-link' }] });
      expect(byId[id]!.evidence[0]!.detail).toMatch(/bare repository link in the "Code" section/);
    }
    expect(byId['research-paper']).toMatchObject({ status: 'referenced', evidence: [{ line: 13, detail: 'https://arxiv.org/abs/2401.00001' }] });
    expect(byId['evaluation-code']!.status).toBe('absent');
  });

  test('linked code, paper and data under open licenses reach MOF Class II; weights alone reach no class', async () => {
    const linked = await check(fixture('linked-open-release'));
    const verdicts = Object.fromEntries(linked.profiles.map((p) => [p.id, p.verdict]));
    expect(verdicts).toEqual({ 'eu-ai-act-53-2': 'unknown', 'mof-class-1': 'fail', 'mof-class-2': 'pass', 'mof-class-3': 'pass', 'open-weights': 'pass', 'osaid-1.0': 'pass' });
    expect(linked.components.find((c) => c.id === 'training-code')).toMatchObject({ status: 'referenced', license: 'Apache-2.0' });
    const bare = await check(fixture('mit-weights-only'));
    expect(bare.profiles.filter((p) => p.id.startsWith('mof')).map((p) => p.verdict)).toEqual(['fail', 'fail', 'fail']);
  });

  test('data information names what it covers, where, and what is missing', async () => {
    const full = await check(fixture('data-information-in-card'));
    expect(full.dataInformation.missing).toEqual([]);
    expect(full.dataInformation.sources?.['provenance']).toEqual({ file: 'README.md', line: 9 });
    expect(full.components.find((c) => c.id === 'data-card')?.evidence).toEqual([{ file: 'README.md', line: 9, kind: 'card-section', detail: 'Training Data' }]);
    const partial = await check(fixture('data-information-partial'));
    expect(partial.dataInformation.covered).toEqual(['provenance', 'processing']);
    expect(partial.dataInformation.missing).toEqual(['scope', 'selection', 'labelling', 'public-sources', 'third-party-sources']);
  });

  test('a non-commercial dataset gives the datasets component its license and a warning', async () => {
    const report = await check(fixture('noncommercial-dataset'));
    expect(report.components.find((c) => c.id === 'datasets')).toMatchObject({ status: 'referenced', license: 'CC-BY-NC-4.0' });
    expect(report.findings.find((f) => f.code === 'dataset-license-restricted')).toMatchObject({ severity: 'warning', file: 'README.md', line: 4, args: { dataset: 'tatsu-lab/alpaca' } });
    expect((await check(fixture('noncommercial-dataset'), { strict: true })).profile.verdict).toBe('fail');
  });

  test('clarify: a matching hash replaces the file\'s identification; a changed file voids it loudly', async () => {
    const ok = await check(fixture('clarify-matching'), { profile: 'open-weights' });
    expect(ok.licenses.find((l) => l.source.file === 'LICENSE')).toMatchObject({ expression: 'MIT', confidence: 1, source: { kind: 'declaration' } });
    const stale = await check(fixture('clarify-stale'), { profile: 'open-weights' });
    expect(stale.findings.find((f) => f.code === 'clarify-stale')).toMatchObject({
      file: '.osai.yml', line: 3, args: { path: 'LICENSE', expected: '85bd0efa1efde00b8e4425ca739b3e6748c9923705191f33515357beaad08c13' },
    });
    expect(stale.licenses.find((l) => l.source.file === 'LICENSE')?.expression).toBe('unknown');
  });

  test('every profile is evaluated and reported', async () => {
    const report = await check(fixture('apache-weights-full-release'));
    expect(report.profiles.map((p) => p.id)).toEqual(['eu-ai-act-53-2', 'mof-class-1', 'mof-class-2', 'mof-class-3', 'open-weights', 'osaid-1.0']);
    expect(report.profiles.find((p) => p.id === 'open-weights')?.verdict).toBe('pass');
  });
});

describe('OSI validation and MOT classes: why each modelled release gets its verdict', () => {
  const MISSING = ['component-missing', 'component-missing-any', 'data-information-missing', 'license-unverified', 'license-missing'];

  test.each(['osi-bloom-like-fails-on-terms', 'osi-starcoder2-like-fails-on-terms', 'osi-falcon-like-fails-on-terms'])(
    '%s has every component and fails on its legal terms alone', async (name) => {
      const report = await check(fixture(name), { profile: 'osaid-1.0' });
      const codes = new Set(report.findings.map((f) => f.code));
      expect(MISSING.filter((c) => codes.has(c))).toEqual([]);
      const weights = report.findings.filter((f) => f.code === 'freedom-restricted' && f.components?.includes('model-parameters-final'));
      expect(weights.flatMap((f) => f.freedoms)).toContain('use');
    });

  test.each(['osi-grok-like-fails', 'osi-mixtral-like-fails', 'osi-phi-2-like-fails'])(
    '%s has open weights but lacks training code and data information', async (name) => {
      const report = await check(fixture(name), { profile: 'osaid-1.0' });
      expect(report.findings.filter((f) => f.code === 'component-missing').map((f) => f.component)).toContain('training-code');
      expect(report.findings.some((f) => f.code === 'freedom-restricted')).toBe(false);
      expect(report.profiles.find((p) => p.id === 'open-weights')?.verdict).toBe('pass');
    });

  test('Class I with MIT-licensed datasets (Amber) passes with a type-appropriateness warning, and fails under --strict', async () => {
    const report = await check(fixture('osi-amber-like-passes'), { profile: 'mof-class-1' });
    const warning = report.findings.find((f) => f.code === 'license-type-inappropriate' && f.component === 'datasets');
    expect(warning?.severity).toBe('warning');
    expect((await check(fixture('osi-amber-like-passes'), { profile: 'mof-class-1', strict: true })).profile.verdict).toBe('fail');
  });

  test('every run evaluates every profile: Pythia-like reaches Class I, so Classes II and III pass too', async () => {
    const report = await check(fixture('osi-pythia-like-passes'), { profile: 'osaid-1.0' });
    expect(Object.fromEntries(report.profiles.map((p) => [p.id, p.verdict]))).toEqual({
      'eu-ai-act-53-2': 'unknown', 'mof-class-1': 'pass', 'mof-class-2': 'pass', 'mof-class-3': 'pass', 'open-weights': 'pass', 'osaid-1.0': 'pass',
    });
  });
});

// issue 13: one finding per cause, where the cause is (evaluate/group.ts).
describe('one finding per cause', () => {
  test.each([
    // [fixture, the findings' codes in order]
    ['llama-3-weights', ['freedom-restricted', 'component-missing', 'component-missing', 'component-missing', 'component-missing', 'component-missing-any', 'data-information-missing']],
    ['card-apache-license-llama-3', ['license-conflict', 'freedom-restricted']],
    // Its card's sentence adds terms of its own ("adds an acceptable use policy and excludes hosting use"): a second
    // cause, unknown until a person reads it, beside the license's restriction.
    ['osi-falcon-like-fails-on-terms', ['license-terms-added', 'freedom-restricted', 'freedom-unknown']],
  ])('%s', async (name, codes) => {
    const report = await check(fixture(name), { profile: 'osaid-1.0' });
    expect(report.findings.map((f) => f.code)).toEqual(codes);
  });

  test('a restricting license is located at the license file that carries its terms, naming both sources of a conflict apart', async () => {
    const report = await check(fixture('card-apache-license-llama-3'));
    const restricted = report.findings.find((f) => f.code === 'freedom-restricted')!;
    expect(restricted).toMatchObject({ file: 'LICENSE', line: 1, args: { license: 'LicenseRef-llama-3-community' } });
    expect(restricted.components).toContain('training-code');
    expect(restricted.reasons!.map((r) => r.clause)).toEqual(expect.arrayContaining(['§2', '§1(b)(iv)', '§1(b)(v)']));
    const conflict = report.findings.find((f) => f.code === 'license-conflict')!;
    expect(conflict.args).toMatchObject({ aFile: 'README.md', bFile: 'LICENSE' });
  });

  test('grouping never changes a verdict: an ignored component keeps the rest of the cause', async () => {
    const all = await check(fixture('llama-3-weights'));
    const some = await check(fixture('llama-3-weights'), { ignore: [{ code: 'freedom-restricted', component: 'model-architecture', reason: 'test' }] });
    expect(some.profile.verdict).toBe(all.profile.verdict);
    expect(some.findings.find((f) => f.code === 'freedom-restricted')!.components).toEqual(['model-parameters-final']);
  });
});
