import { describe, expect, it } from 'vitest'
import { Form } from '../../../views/components/forms.tsx'
import { DangerButton, RenameForm } from '../../../views/components/row-actions.tsx'

const csrf = () => 'TOKEN'

describe('RenameForm', () => {
  it('names its field with a visible label, opened after a refused rename', () => {
    const html = String(
      <RenameForm
        action='/s/1/rename'
        csrf={csrf}
        value='Moffatt 2017'
        maxlength={120}
        open
        id='study-label-1'
        label='Name of the study'
      />,
    )
    expect(html).toBe(
      String(
        <details class='inline-edit' open>
          <summary>Rename</summary>
          <Form action='/s/1/rename' csrf={csrf}>
            <label for='study-label-1'>Name of the study</label>
            <input id='study-label-1' name='label' value='Moffatt 2017' maxlength={120} required />
            <button type='submit' class='small'>
              Save
            </button>
          </Form>
        </details>,
      ),
    )
  })

  it('or, where the row shows the name already, with an aria-label only', () => {
    const html = String(
      <RenameForm action='/levels/2' csrf={csrf} value='Context' maxlength={200} ariaLabel='New name for “Context”' />,
    )
    expect(html).not.toContain('<label')
    expect(html).not.toContain(' id=')
    expect(html).not.toContain('open')
    expect(html).toContain('aria-label="New name for “Context”"')
  })
})

describe('DangerButton', () => {
  it('asks before it posts, with the Yes button named when given', () => {
    const html = String(
      <DangerButton action='/m/3/remove' csrf={csrf} confirm='Remove Bea from this review?' confirmButton='Remove Bea'>
        Remove
      </DangerButton>,
    )
    expect(html).toBe(
      String(
        <Form
          action='/m/3/remove'
          csrf={csrf}
          class='inline'
          confirm='Remove Bea from this review?'
          confirmButton='Remove Bea'
        >
          <button type='submit' class='small danger'>
            Remove
          </button>
        </Form>,
      ),
    )
    expect(html).toContain('data-confirm="Remove Bea from this review?"')
  })
})
