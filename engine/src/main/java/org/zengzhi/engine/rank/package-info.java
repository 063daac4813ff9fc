/**
 * Promoter ranks and their monthly and yearly closes (SPEC ), shared by the green-points model
 * (seed 003) and the four-party model (seed 000): one rank machinery, not two. Ranks are data
 * ({@link org.zengzhi.engine.rank.RankLadder}); a {@link org.zengzhi.engine.rank.PromoterBoard} owns the
 * promoters, their coach tree, their monthly metrics and their ranks, and closes months and years. Nothing
 * here posts to the ledger: a close returns what is owed, and the model that uses the board pays it.
 * docs/ranks.md records our reading of both seeds.
 */
package org.zengzhi.engine.rank;
