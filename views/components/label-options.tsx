/** Rows offered as a select's options: each row's id is the value sent, its label the text shown. */
export function LabelOptions(props: {
  rows: readonly { id: number; label: string }[]
  /** The id chosen so far, as the form sent it back or as stored. */
  selected?: number | string | null | undefined
}) {
  const chosen = props.selected === undefined || props.selected === null ? undefined : String(props.selected)
  return (
    <>
      {props.rows.map((row) => (
        <option value={String(row.id)} selected={String(row.id) === chosen}>
          {row.label}
        </option>
      ))}
    </>
  )
}
