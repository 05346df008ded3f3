/** A small synthesis snapshot in plain data, for the table and report unit tests. */
import type { SynthesisSnapshot } from '../../src/domain/synthesis/snapshot.ts'

export function linkWorkerSnapshot(): SynthesisSnapshot {
  return {
    studies: [
      { id: 1, label: 'Frostick 2019', year: 2019 },
      { id: 2, label: 'Griffith 2023', year: 2023 },
      { id: 3, label: 'Pollard 2023', year: 2023 },
    ],
    constructs: [
      { id: 11, studyId: 1, label: 'Blurred boundaries', description: '', page: '4' },
      { id: 12, studyId: 1, label: 'Emotional toll', description: '', page: '5' },
      { id: 21, studyId: 2, label: 'Holding while waiting', description: '', page: '' },
      { id: 31, studyId: 3, label: 'Clear referral criteria', description: '', page: '9' },
    ],
    quotes: [
      { id: 101, studyId: 1, quote: 'I end up doing everything', page: '4', participant: 'LW2' },
      { id: 201, studyId: 2, quote: 'I hold them until the service has room', page: '', participant: 'LW5' },
    ],
    constructQuotes: [
      { secondOrderId: 11, firstOrderId: 101 },
      { secondOrderId: 21, firstOrderId: 201 },
    ],
    concepts: [
      { id: 1001, label: 'Role boundaries', description: '' },
      { id: 1002, label: 'Emotional labour', description: '' },
      { id: 1003, label: 'Funding', description: '' },
    ],
    mappings: [
      { id: 1, conceptId: 1001, secondOrderId: 11, translation: 'reciprocal', explanation: '' },
      {
        id: 2,
        conceptId: 1001,
        secondOrderId: 31,
        translation: 'refutational',
        explanation: 'Protected caseloads kept the role bounded',
      },
      { id: 3, conceptId: 1002, secondOrderId: 12, translation: 'reciprocal', explanation: '' },
      { id: 4, conceptId: 1002, secondOrderId: 21, translation: 'reciprocal', explanation: '' },
    ],
    thirdOrders: [
      { id: 5001, label: 'Holding more than the role was designed for', definition: '' },
      { id: 5002, label: 'Signposting into a depleted sector', definition: '' },
    ],
    thirdOrderConcepts: [
      { thirdOrderId: 5001, conceptId: 1001 },
      { thirdOrderId: 5001, conceptId: 1002 },
      { thirdOrderId: 5002, conceptId: 1003 },
    ],
  }
}
