/** Kinds of public organisations in the register's tree (TOOI organisation types where they exist). */
export enum OrganisationKind {
  MINISTRY = 'MINISTRY', // ministerie
  AGENCY = 'AGENCY', // agentschap / zelfstandig bestuursorgaan / dienst (e.g. RVO)
  DIRECTORATE = 'DIRECTORATE', // directie, DG or other unit inside a ministry
  MUNICIPALITY = 'MUNICIPALITY', // gemeente
  JOINT_ARRANGEMENT = 'JOINT_ARRANGEMENT', // gemeenschappelijke regeling acting for several municipalities
  PROVINCE = 'PROVINCE', // provincie
  WATER_BOARD = 'WATER_BOARD', // waterschap
  OTHER = 'OTHER',
}
