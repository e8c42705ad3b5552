-- A brand's own negativity head: the shipped logistic-regression head refitted toward the brand's
-- corrections (scoring.model.LogisticRegression.fitToward). Stored, so every node of a cluster and
-- every restart scores a brand's mentions with the same numbers (see task.BrandHeads).
create table brand_head (
    brand              varchar(100) primary key,
    -- the embedding model and shipped head it was fitted toward; a head for another model is not used
    model              varchar(100) not null,
    -- the newest correction it was fitted with: a node never replaces a head with one fitted to older ones
    through_correction bigint       not null,
    examples           integer      not null,
    negatives          integer      not null,
    -- the head in LinearHead's text form (bias, then 384 weights)
    head               varchar      not null,
    fitted_at          timestamp with time zone not null
);
