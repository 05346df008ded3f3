/** A table's column headings, each a header cell of its column. */
export function ColumnHeadings(props: { headings: readonly string[] }) {
  return (
    <thead>
      <tr>
        {props.headings.map((heading) => (
          <th scope='col'>{heading}</th>
        ))}
      </tr>
    </thead>
  )
}
