-- ledger: hashes of the complete, aligned subtrees of 256 leaves and more, added as checkpoints are
-- signed, so that a proof reads a few rows instead of every leaf. The node of height h and ordinal i
-- (leaves i*2^h to (i+1)*2^h - 1) has the key h*2^48 + i. Derived data: a wrong row only makes a proof
-- that fails against the signed tree head; it cannot make a false one pass.
create table ledger_subtree (
    node  bigint      primary key,
    hash  varchar(64) not null
);
