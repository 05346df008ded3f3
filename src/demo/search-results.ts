/**
 * What the demo review's searches returned: short exports written for Weft in each database's own
 * format. The link-worker studies are real publications (titles, authors, journals and the DOIs listed in
 * the domain notes); the off-topic records are invented to be screened out. The same study appears in
 * several databases, formatted as each database formats it, so deduplication has real work: some pairs
 * merge on their DOI, others (an erratum, a record without DOI and a different year) wait for a reviewer.
 */

export interface DemoExport {
  source: string
  fileName: string
  text: string
}

const MEDLINE_OVID = `1.
TY  - JOUR
T1  - The consequences of micro-discretions and boundaries in the social prescribing link worker role in England: a realist evaluation.
A1  - Tierney, Stephanie
A1  - Westlake, Debra
A1  - Mahtani, Kamal R.
Y1  - 2024//
JF  - Health and Social Care Delivery Research
DO  - 10.3310/JSQY9840
N2  - Link workers use micro-discretions, judgement-based actions not always set out in protocols, to build connections and buy-in with patients. Without boundaries these can put link workers at risk.
KW  - Social Prescribing
KW  - Primary Health Care
ER  -

2.
TY  - JOUR
T1  - Patient buy-in to social prescribing through link workers as part of person-centred care: a realist evaluation.
A1  - Tierney, Stephanie
A1  - Libert, Sebastien
A1  - Mahtani, Kamal R.
Y1  - 2024//
JF  - Health and Social Care Delivery Research
DO  - 10.3310/ETND8254
N2  - Observed interactions between patients and link workers show how trust in the link worker generates hope and buy-in to social prescribing.
ER  -

3.
TY  - JOUR
T1  - Implementation and impact of a social prescribing intervention: an ethnographic exploration.
A1  - Pollard, Tessa
A1  - Gibson, Kate
A1  - Griffith, Bethan
A1  - Jeffries, Jayne
A1  - Moffatt, Suzanne
Y1  - 2023//
JF  - British Journal of General Practice
VL  - 73
IS  - 735
SP  - e789
EP  - e797
N2  - An ethnography of a social prescribing intervention for people with long-term conditions in a deprived urban area, with link workers and their clients over 19 months.
ER  -

4.
TY  - JOUR
T1  - Supporting social prescribing in primary care by linking people to local assets: a realist review.
A1  - Tierney, Stephanie
A1  - Wong, Geoff
A1  - Roberts, Nia
Y1  - 2020//
JF  - BMC Medicine
VL  - 18
SP  - 49
N2  - A realist review of 118 documents producing a programme theory of social prescribing centred on buy-in and connections.
ER  -

5.
TY  - JOUR
T1  - Exercise referral schemes and physical activity in adults with hypertension: a randomised controlled trial.
A1  - Marsh, Gideon
A1  - Ortiz, Paula
Y1  - 2022//
JF  - Journal of Public Health
VL  - 44
SP  - 301
EP  - 309
N2  - Adults referred to a 12-week exercise scheme increased moderate activity compared with usual care.
ER  -

6.
TY  - JOUR
T1  - Statin adherence after myocardial infarction in general practice: a cohort study.
A1  - Keane, Orla
Y1  - 2021//
JF  - Heart
VL  - 107
SP  - 1120
EP  - 1127
ER  -
`

const EMBASE_OVID = `1.
TY  - JOUR
T1  - The consequences of micro-discretions and boundaries in the social prescribing link worker role in England: A realist evaluation
A1  - Tierney S.
A1  - Westlake D.
A1  - Mahtani K.R.
Y1  - 2024
JF  - Health and Social Care Delivery Research
DO  - http://dx.doi.org/10.3310/jsqy9840
ER  -

2.
TY  - JOUR
T1  - Constituting link working through choice and care: An ethnographic account of front-line social prescribing
A1  - Griffith B.
A1  - Pollard T.
A1  - Gibson K.
A1  - Jeffries J.
A1  - Moffatt S.
Y1  - 2023
JF  - Sociology of Health and Illness
VL  - 45
IS  - 2
SP  - 279
EP  - 297
N2  - Eleven months of ethnography with link workers in a social prescribing scheme in North East England, read through Mol's logics of choice and care.
ER  -

3.
TY  - JOUR
T1  - Implementation and impact of a social prescribing intervention: An ethnographic exploration
A1  - Pollard T.
A1  - Gibson K.
A1  - Griffith B.
A1  - Jeffries J.
A1  - Moffatt S.
Y1  - 2023
JF  - British Journal of General Practice
VL  - 73
IS  - 735
SP  - E789
EP  - E797
ER  -

4.
TY  - JOUR
T1  - Erratum: Implementation and impact of a social prescribing intervention: an ethnographic exploration
A1  - Pollard T.
Y1  - 2023
JF  - British Journal of General Practice
VL  - 73
IS  - 737
SP  - 550
ER  -

5.
TY  - JOUR
T1  - Green space prescriptions and blood pressure: a pragmatic trial in primary care
A1  - Oduya A.
A1  - Lindgren P.
Y1  - 2020
JF  - Preventive Medicine
VL  - 139
SP  - 106190
ER  -
`

const CINAHL_EBSCO = `Provider: EBSCOhost
Database: CINAHL Complete
Content: text/plain; charset="UTF-8"

TY  - JOUR
AU  - Frostick, Caroline
AU  - Bertotti, Marcello
TI  - The frontline of social prescribing - how do we ensure link workers can work safely and effectively within primary care?
JO  - Chronic Illness
PY  - 2021
AB  - Interviews and focus groups with link workers from three social prescribing schemes in London about the demands of the role.
KW  - Social Prescribing
KW  - Link Workers
ER  -

TY  - JOUR
AU  - Tierney, Stephanie
AU  - Libert, Sebastien
AU  - Mahtani, Kamal R.
TI  - Patient buy-in to social prescribing through link workers as part of person-centred care: a realist evaluation
JO  - Health and Social Care Delivery Research
PY  - 2024
DO  - 10.3310/ETND8254
ER  -

TY  - JOUR
AU  - Frostick, C.
AU  - Bertotti, M.
TI  - The frontline of social prescribing: how do we ensure link workers can work safely and effectively within primary care?
JO  - Chronic Illness
PY  - 2019
N1  - Epub ahead of print.
ER  -

TY  - JOUR
AU  - Quarrie, Helen
TI  - Nurse-led telephone follow-up after day surgery: a service evaluation
JO  - Journal of Perioperative Practice
PY  - 2018
VL  - 28
SP  - 77
EP  - 82
ER  -
`

const SCOPUS_CSV = `"Authors","Title","Year","Source title","Volume","Issue","Page start","Page end","DOI","Abstract","Document Type"
"Tierney S.; Libert S.; Gorenberg J.; Mahtani K.R.","Implementation of link workers in primary care: synopsis of findings from a realist evaluation","2025","Health and Social Care Delivery Research","","","","","10.3310/KHGT9993","A synopsis of a realist evaluation of link workers in English general practice.","Article"
"Tierney S.; Westlake D.; Mahtani K.R.","The consequences of micro-discretions and boundaries in the social prescribing link worker role in England: a realist evaluation","2024","Health and Social Care Delivery Research","","","","","10.3310/JSQY9840","","Article"
"Tierney S.; Wong G.; Roberts N.","Supporting social prescribing in primary care by linking people to local assets: a realist review","2020","BMC Medicine","18","1","49","","","","Review"
"Haldane V.; Chuah F.","Smartphone apps for smoking cessation in young adults: a systematic review","2019","Tobacco Control","28","","565","571","","","Review"
`

const WOS_TAGGED = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Griffith, B
   Pollard, T
   Gibson, K
   Jeffries, J
   Moffatt, S
TI Constituting link working through choice and care: An ethnographic
   account of front-line social prescribing
SO SOCIOLOGY OF HEALTH & ILLNESS
PY 2023
VL 45
IS 2
BP 279
EP 297
DT Article
ER

PT J
AU Tierney, S
TI Experiences of integrating social prescribing link workers into primary
   care in England - bolting on, fitting in, or belonging: a realist
   evaluation
SO BRITISH JOURNAL OF GENERAL PRACTICE
PY 2025
DT Article
ER

PT J
AU Ferreira, M
TI Soil carbon under rotational grazing in temperate grassland
SO AGRICULTURE ECOSYSTEMS & ENVIRONMENT
PY 2021
VL 310
BP 107301
DT Article
ER

EF
`

export const DEMO_EXPORTS: readonly DemoExport[] = [
  { source: 'MEDLINE', fileName: 'medline-ovid-2026-03-02.ris', text: MEDLINE_OVID },
  { source: 'Embase', fileName: 'embase-ovid-2026-03-02.ris', text: EMBASE_OVID },
  { source: 'CINAHL Complete', fileName: 'cinahl-ebsco-2026-03-03.ris', text: CINAHL_EBSCO },
  { source: 'Scopus', fileName: 'scopus-2026-03-04.csv', text: SCOPUS_CSV },
  { source: 'Web of Science Core Collection', fileName: 'wos-2026-03-04.txt', text: WOS_TAGGED },
]
