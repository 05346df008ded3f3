import type { ExtractionField } from '../../db/schema.ts'
import type { CharacteristicsRow } from '../../src/domain/extraction/extracted.ts'
import type { IncludedStudy } from '../../src/domain/studies.ts'
import { Checkbox, Form, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { CharacteristicsTable } from './characteristics-table.tsx'
import { ExportLinks } from '../components/export-links.tsx'

export function CharacteristicsPage(props: {
  page: PageContext
  nav: ReviewNav
  fields: ExtractionField[]
  rows: CharacteristicsRow[]
  excluded: IncludedStudy[]
  dual: boolean
  isOwner: boolean
}) {
  const base = `/reviews/${props.nav.slug}/characteristics`
  const settings: FormState = { values: { dualExtraction: props.dual ? 'on' : '' }, errors: {} }
  return (
    <Layout page={props.page} title='Characteristics' review={props.nav}>
      <div class='page-heading'>
        <h1>Characteristics of included studies</h1>
        <a class='button secondary' href={`${base}/form`}>
          {props.isOwner ? 'Design the form' : 'The form'}
        </a>
      </div>
      <p>
        {props.dual
          ? 'Dual extraction: two reviewers extract each study; a value shows once they agree or a consensus is recorded.'
          : 'Single extraction: one reviewer’s values are the study’s values.'}
      </p>
      {props.isOwner ? (
        <Form action={`${base}/settings`} csrf={props.page.csrf} class='add-row'>
          <Checkbox
            name='dualExtraction'
            label='Dual extraction (two extractors per study, discrepancies flagged)'
            form={settings}
          />
          <button type='submit' class='secondary small'>
            Save
          </button>
        </Form>
      ) : null}
      <ExportLinks stem={`${base}/table`} />
      {props.rows.length === 0 ? (
        <p class='empty'>No study is included at full text yet.</p>
      ) : props.fields.length === 0 ? (
        <p class='empty'>The form has no fields yet.</p>
      ) : null}
      {props.rows.length > 0 ? (
        <CharacteristicsTable fields={props.fields} rows={props.rows} studyLink={(id) => `${base}/${id}`} />
      ) : null}
      {props.excluded.length > 0 ? (
        <>
          <h2>Excluded after appraisal</h2>
          <ul>
            {props.excluded.map((study) => (
              <li>
                <a href={`${base}/${study.id}`}>{study.label}</a>: {study.exclusion?.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  )
}
