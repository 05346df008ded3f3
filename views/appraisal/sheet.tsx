import type { AppraisalSheet } from '../../src/domain/appraisal/answers.ts'
import { ANSWER_LABELS, type AppraisalTool } from '../../src/domain/appraisal/tools.ts'
import { InlineError, type FormState, type FormValues } from '../components/forms.tsx'

/** A stored sheet as the values of its form. */
export function sheetValues(sheet: AppraisalSheet | null): FormValues {
  if (!sheet) return {}
  const values: FormValues = {
    overallJudgement: sheet.overallJudgement ?? '',
    overallRationale: sheet.overallRationale,
  }
  for (const [code, { answer, comment }] of Object.entries(sheet.answers)) {
    values[`answer-${code}`] = answer ?? ''
    values[`comment-${code}`] = comment
  }
  return values
}

/**
 * The questions of a tool as form fields: answer radios and a comment per item, then the optional overall
 * judgement. `prefix` keeps ids apart when two sheets share a page; `differing` marks items to settle.
 */
export function SheetFields(props: {
  tool: AppraisalTool
  judgementLevels: readonly string[]
  form: FormState
  prefix: string
  differing?: readonly string[]
  /** What each appraiser answered, shown under a differing item of the consensus form. */
  answeredBy?: (code: string) => string | null
}) {
  const { tool, form, prefix } = props
  return (
    <>
      {tool.items.map((item) => {
        const name = `answer-${item.code}`
        const differs = props.differing?.includes(item.code) ?? false
        const chosen = form.values[name] ?? ''
        const classes = ['appraisal-item', differs ? 'differs' : '', form.errors[name] ? 'field-error' : '']
          .filter(Boolean)
          .join(' ')
        return (
          <>
            {item.section ? <h3 class='appraisal-section'>{item.section}</h3> : null}
            <fieldset class={classes} id={`${prefix}field-${name}`}>
              <legend>
                {item.code.slice(1)}. {item.text}
                {item.screening ? <span class='muted'> (screening question)</span> : null}
                {differs ? <strong class='differs-label'> Appraisers differ</strong> : null}
              </legend>
              {differs && props.answeredBy ? <p class='hint'>{props.answeredBy(item.code)}</p> : null}
              <InlineError form={form} name={name} />
              <div class='answer-choices'>
                {tool.answers.map((answer) => (
                  <label class='answer-choice'>
                    <input type='radio' name={name} value={answer} checked={chosen === answer} />
                    {ANSWER_LABELS[answer]}
                  </label>
                ))}
              </div>
              <label for={`${prefix}comment-${item.code}`} class='comment-label'>
                Comment on {item.code.slice(1)}
              </label>
              <textarea id={`${prefix}comment-${item.code}`} name={`comment-${item.code}`} rows={2}>
                {form.values[`comment-${item.code}`] ?? ''}
              </textarea>
              <InlineError form={form} name={`comment-${item.code}`} />
            </fieldset>
          </>
        )
      })}
      {props.judgementLevels.length > 0 ? (
        <fieldset class='appraisal-item'>
          <legend>Overall judgement (optional)</legend>
          <InlineError form={form} name='overallJudgement' />
          <label for={`${prefix}overallJudgement`}>Judgement</label>
          <select id={`${prefix}overallJudgement`} name='overallJudgement'>
            <option value=''>No overall judgement</option>
            {props.judgementLevels.map((level) => (
              <option value={level} selected={form.values['overallJudgement'] === level}>
                {level}
              </option>
            ))}
          </select>
          <label for={`${prefix}overallRationale`} class='comment-label'>
            Rationale
          </label>
          <textarea id={`${prefix}overallRationale`} name='overallRationale' rows={3}>
            {form.values['overallRationale'] ?? ''}
          </textarea>
        </fieldset>
      ) : null}
    </>
  )
}

function Answer({ sheet, code }: { sheet: AppraisalSheet; code: string }) {
  const entry = sheet.answers[code]
  return (
    <>
      <strong>{entry?.answer ? ANSWER_LABELS[entry.answer] : '—'}</strong>
      {entry?.comment ? <p class='prose comment'>{entry.comment}</p> : null}
    </>
  )
}

/** Two finished sheets side by side, the items they differ on marked (in words, not only in colour). */
export function SheetComparison(props: {
  tool: AppraisalTool
  sheets: readonly { name: string; sheet: AppraisalSheet }[]
  differing: readonly string[]
}) {
  return (
    <table class='sheet-comparison'>
      <thead>
        <tr>
          <th scope='col'>Question</th>
          {props.sheets.map(({ name }) => (
            <th scope='col'>{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.tool.items.map((item) => {
          const differs = props.differing.includes(item.code)
          return (
            <tr class={differs ? 'differs' : undefined} data-item={item.code}>
              <th scope='row'>
                {item.code.slice(1)}. {item.text}
                {differs ? <span class='differs-label'> Differs</span> : null}
              </th>
              {props.sheets.map(({ sheet }) => (
                <td>
                  <Answer sheet={sheet} code={item.code} />
                </td>
              ))}
            </tr>
          )
        })}
        <tr>
          <th scope='row'>Overall judgement</th>
          {props.sheets.map(({ sheet }) => (
            <td>
              <strong>{sheet.overallJudgement ?? '—'}</strong>
              {sheet.overallRationale ? <p class='prose comment'>{sheet.overallRationale}</p> : null}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  )
}
