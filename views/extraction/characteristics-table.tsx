import type { ExtractionField } from '../../db/schema.ts'
import type { CharacteristicsRow } from '../../src/domain/extraction/extracted.ts'
import { ShownValue } from './value-input.tsx'

/** Characteristics of included studies: one row per study, one column per field on the form. */
export function CharacteristicsTable(props: {
  fields: readonly ExtractionField[]
  rows: readonly CharacteristicsRow[]
  studyLink?: (studyId: number) => string
}) {
  return (
    <table class='characteristics'>
      <thead>
        <tr>
          <th scope='col'>Study</th>
          {props.fields.map((field) => (
            <th scope='col'>{field.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ study, cells }) => (
          <tr>
            <th scope='row'>{props.studyLink ? <a href={props.studyLink(study.id)}>{study.label}</a> : study.label}</th>
            {cells.map((cell, index) => (
              <td class={cell.state === 'discrepant' ? 'differs' : undefined}>
                {cell.state === 'settled' ? (
                  <ShownValue field={props.fields[index]!} value={cell.value} />
                ) : cell.state === 'discrepant' ? (
                  <span class='differs-label'>Discrepancy</span>
                ) : (
                  <span class='muted'>—</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
