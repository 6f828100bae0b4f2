// The link format's version, written as `v=` in every link. Bump it only with a migration in
// migrations.ts that reads the previous version (the migrations test checks the chain is complete).
// 2: the labs' own `compare` params were renamed (implicit nestedRun, dikl otherObjective, dxmi
//    tau0Twin), since ab=1 is the A/B comparison now.
export const URL_VERSION = 2;
