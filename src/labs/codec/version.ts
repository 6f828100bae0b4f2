// The link format's version, written as `v=` in every link. Bump it only with a migration in
// migrations.ts that reads the previous version (the migrations test checks the chain is complete).
// 2: the labs' own `compare` params were renamed (implicit nestedRun, dikl otherObjective, dxmi
//    tau0Twin), since ab=1 is the A/B comparison now.
// 3: one naming style (camelCase) and one name per concept across labs; the Implicit lab's modes name
//    their shared concepts once (ebmGamma and deta are gamma and eta in their modes).
export const URL_VERSION = 3;
