import { countsLine, matrixRow, type AnswerCounts } from '../../src/domain/appraisal/matrix.ts'
import { ANSWER_LABELS, ANSWER_MARKS, type AppraisalTool } from '../../src/domain/appraisal/tools.ts'
import type { StudyAppraisalStatus } from '../../src/domain/appraisal/sheets.ts'

/** The study × item matrix of consensus answers, with the counts per item underneath. */
export function AppraisalMatrix(props: {
  tool: AppraisalTool
  rows: readonly StudyAppraisalStatus[]
  counts: AnswerCounts
  withJudgement: boolean
}) {
  const { tool } = props
  return (
    <>
      <table class='appraisal-matrix'>
        <thead>
          <tr>
            <th scope='col'>Study</th>
            {tool.items.map((item) => (
              <th scope='col' title={item.text}>
                Q{item.code.slice(1)}
              </th>
            ))}
            {props.withJudgement ? <th scope='col'>Overall</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ study, consensus }) => (
            <tr>
              <th scope='row'>
                {study.label}
                {study.exclusion ? <span class='muted'> (excluded after appraisal)</span> : null}
              </th>
              {consensus ? (
                <>
                  {matrixRow(tool, consensus.answers).map((mark) => (
                    <td class='mark'>{mark}</td>
                  ))}
                  {props.withJudgement ? <td>{consensus.overallJudgement ?? ''}</td> : null}
                </>
              ) : (
                <td colspan={tool.items.length + (props.withJudgement ? 1 : 0)} class='muted'>
                  No consensus yet
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope='row'>Counts</th>
            {tool.items.map((item) => (
              <td class='counts'>{countsLine(tool, props.counts[item.code] ?? {})}</td>
            ))}
            {props.withJudgement ? <td /> : null}
          </tr>
        </tfoot>
      </table>
      <p class='hint'>
        {tool.answers.map((answer) => `${ANSWER_MARKS[answer]} = ${ANSWER_LABELS[answer]}`).join(' · ')}. Questions:{' '}
        {tool.items.map((item) => `Q${item.code.slice(1)} ${item.text}`).join(' ')}
      </p>
    </>
  )
}
