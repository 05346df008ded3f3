import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRayyanInclusion } from '../../src/domain/screening/rayyan-inclusion.ts'
import { describeShared, sharedFixture } from '../support/shared-manifest.ts'

describe('parseRayyanInclusion', () => {
  it('reads each reviewer’s decision, the exclusion reasons and the labels', () => {
    const notes =
      'RAYYAN-INCLUSION: {"Alice"=>"Included", "Bob"=>"Excluded", "Chen Wei"=>"Maybe"} | RAYYAN-EXCLUSION-REASONS: wrong population,wrong outcome | RAYYAN-LABELS: qualitative,UK'
    expect(parseRayyanInclusion(notes)).toEqual({
      decisions: [
        { reviewer: 'Alice', verdict: 'include' },
        { reviewer: 'Bob', verdict: 'exclude' },
        { reviewer: 'Chen Wei', verdict: 'maybe' },
      ],
      exclusionReasons: ['wrong population', 'wrong outcome'],
      labels: ['qualitative', 'UK'],
      notes: [],
      unrecognised: [],
    })
  })

  it('reads a single decision with no other parts', () => {
    expect(parseRayyanInclusion('RAYYAN-INCLUSION: {"Emily"=>"Excluded"}').decisions).toEqual([
      { reviewer: 'Emily', verdict: 'exclude' },
    ])
  })

  it('reads parts in any order, with or without the space after the hash commas', () => {
    const notes = 'RAYYAN-LABELS: pilot | RAYYAN-INCLUSION: {"Guilherme"=>"Included","Ana"=>"Excluded"}'
    const result = parseRayyanInclusion(notes)
    expect(result.decisions).toEqual([
      { reviewer: 'Guilherme', verdict: 'include' },
      { reviewer: 'Ana', verdict: 'exclude' },
    ])
    expect(result.labels).toEqual(['pilot'])
  })

  it('reads reviewers’ notes from USER-NOTES', () => {
    const notes = 'RAYYAN-INCLUSION: {"Max"=>"Maybe"} | USER-NOTES: {"Max"=>["check the methods section", "ask Zoë"]}'
    expect(parseRayyanInclusion(notes).notes).toEqual([
      { reviewer: 'Max', note: 'check the methods section' },
      { reviewer: 'Max', note: 'ask Zoë' },
    ])
  })

  it('keeps accented and escaped names, and counts __EXR__ labels as reasons', () => {
    const notes = 'RAYYAN-INCLUSION: {"Zoë \\"Z\\" Ng"=>"Excluded"} | RAYYAN-LABELS: __EXR__wrong study design,keep'
    const result = parseRayyanInclusion(notes)
    expect(result.decisions).toEqual([{ reviewer: 'Zoë "Z" Ng', verdict: 'exclude' }])
    expect(result.exclusionReasons).toEqual(['wrong study design'])
    expect(result.labels).toEqual(['keep'])
  })

  it('ignores the reviewer’s own text before the Rayyan parts and a stale second RAYYAN-INCLUSION', () => {
    const notes =
      'Found by hand search. RAYYAN-INCLUSION: {"Alice"=>"Included"} | RAYYAN-LABELS: a,RAYYAN-INCLUSION: {"Alice"=>"Excluded"}'
    const result = parseRayyanInclusion(notes)
    expect(result.decisions).toEqual([{ reviewer: 'Alice', verdict: 'include' }])
    expect(result.labels).toEqual(['a'])
  })

  it('reports decision values it does not know instead of guessing', () => {
    expect(parseRayyanInclusion('RAYYAN-INCLUSION: {"Alice"=>"Undecided", "Bob"=>"included"}')).toMatchObject({
      decisions: [{ reviewer: 'Bob', verdict: 'include' }],
      unrecognised: [{ reviewer: 'Alice', value: 'Undecided' }],
    })
  })

  it('stops a part at the end of its line, so a whole RIS record can be passed', () => {
    const record =
      'TY  - JOUR\nTI  - A title\nN1  - RAYYAN-INCLUSION: {"Matt"=>"Included", "Laura"=>"Included"} | RAYYAN-LABELS: lol,rofl\nDO  - 10.1111/ele.12916\nER  -\n'
    const result = parseRayyanInclusion(record)
    expect(result.decisions.map((d) => d.reviewer)).toEqual(['Matt', 'Laura'])
    expect(result.labels).toEqual(['lol', 'rofl'])
  })

  it('reads notes still in CSV quoting or with HTML-escaped quotes', () => {
    const fromCsv = parseRayyanInclusion(
      'RAYYAN-INCLUSION: {""Guilherme""=>""Included"",""Ana""=>""Excluded""} | RAYYAN-EXCLUSION-REASONS: população errada',
    )
    expect(fromCsv.decisions).toEqual([
      { reviewer: 'Guilherme', verdict: 'include' },
      { reviewer: 'Ana', verdict: 'exclude' },
    ])
    expect(fromCsv.exclusionReasons).toEqual(['população errada'])
    const escaped = parseRayyanInclusion('RAYYAN-INCLUSION: {&quot;Alice&quot;=&gt;&quot;Maybe&quot;}')
    expect(escaped.decisions).toEqual([{ reviewer: 'Alice', verdict: 'maybe' }])
  })

  it('stops the notes at the end of their cell in a raw CSV row, as a Rayyan CSV record keeps it', () => {
    const row =
      'rayyan-7,A title,2020,,,J,,1,2,3,"Kumar, A.",,English,,,,"RAYYAN-INCLUSION: {""Alice""=>""Excluded""} | RAYYAN-EXCLUSION-REASONS: wrong population,wrong outcome",10.1/x,deep learning;screening,123,'
    expect(parseRayyanInclusion(row)).toMatchObject({
      decisions: [{ reviewer: 'Alice', verdict: 'exclude' }],
      exclusionReasons: ['wrong population', 'wrong outcome'],
    })
  })

  it('returns empty lists for notes without Rayyan parts, empty notes and no notes', () => {
    const empty = { decisions: [], exclusionReasons: [], labels: [], notes: [], unrecognised: [] }
    expect(parseRayyanInclusion('just a note')).toEqual(empty)
    expect(parseRayyanInclusion('')).toEqual(empty)
    expect(parseRayyanInclusion(null)).toEqual(empty)
    expect(parseRayyanInclusion('RAYYAN-INCLUSION: | RAYYAN-LABELS:')).toEqual(empty)
  })
})

describeShared('parseRayyanInclusion on the shared fixtures', () => {
  it('reads the decisions of a genuine Rayyan RIS export', () => {
    const n1 = readFileSync(sharedFixture('ris/cff__baseline_rayyan.ris'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('N1  - RAYYAN-INCLUSION'))
      .map((line) => parseRayyanInclusion(line.slice(6)).decisions)
    // MANIFEST: asreview/citation-file-formatting _baseline_rayyan.ris; one reviewer, Emily, on six records.
    expect(n1).toEqual([
      [{ reviewer: 'Emily', verdict: 'include' }],
      [{ reviewer: 'Emily', verdict: 'include' }],
      [{ reviewer: 'Emily', verdict: 'maybe' }],
      [{ reviewer: 'Emily', verdict: 'maybe' }],
      [{ reviewer: 'Emily', verdict: 'exclude' }],
      [{ reviewer: 'Emily', verdict: 'exclude' }],
    ])
  })
})
