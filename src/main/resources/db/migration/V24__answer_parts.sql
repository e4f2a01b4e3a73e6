-- An answer's checklist and explanation are most of its 13 KB and repeat from one assessment to the next: a rule set
-- gives the same checklist and the same explanation to every request that fires the same rules. They are now stored
-- once, in answer_parts, under the SHA-256 of their text; an assessment keeps the rest of its answer, with those two
-- arrays left empty, and the hashes of its two parts (dk.kk.itassessment.assessment.AnswerParts). Storing the whole
-- answer out of line cost PostgreSQL about as much as the rest of the row and wrote 13.6 KB of WAL per assessment
-- (bench/README.md, "answers in parts"). Assessments stored before keep their whole answer (the part columns null).
--
-- The answer as given is the stored text with the checklist put in its first "checklist":[] and the explanation in its
-- first "explanation":[] (assessment_answer below). Those are the answer's own fields: they come before the request
-- it echoes, and inside the strings before them a quote is escaped.

create table answer_parts (
    sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    body   text not null check (sha256 = encode(sha256(convert_to(body, 'UTF8')), 'hex'))
);

-- A part is never changed nor removed: assessments refer to it.
create function answer_parts_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'answer_parts is append-only: a stored answer refers to its parts';
end;
$$;
create trigger answer_parts_unchanged before update or delete or truncate on answer_parts
    for each statement execute function answer_parts_unchanged();

alter table assessments add column checklist_part text references answer_parts;
alter table assessments add column explanation_part text references answer_parts;
alter table assessments add constraint assessments_both_parts_or_none
    check ((checklist_part is null) = (explanation_part is null));

-- the answer as given, from the stored text and its two parts (null parts: the stored text is the whole answer)
create function assessment_answer(answer text, checklist text, explanation text) returns text
    language sql immutable parallel safe as $$
    select case when checklist is null then answer else
        overlay(overlay(answer placing explanation from position('"explanation":[]' in answer) + 14 for 2)
                placing checklist from position('"checklist":[]' in answer) + 12 for 2) end
$$;

-- every assessment with its answer as given
create view assessment_answers as
select a.id, assessment_answer(a.answer, c.body, e.body) as answer
from assessments a
    left join answer_parts c on c.sha256 = a.checklist_part
    left join answer_parts e on e.sha256 = a.explanation_part;
