-- The decision part of each stored answer, small enough to stay in the row (no TOAST): what a draft's impact and a
-- replay compare. Kept by PostgreSQL next to the answer, from the answer, so it can never disagree with it.
-- Checklist items are parallel arrays (code, responsible, phase, mandatory), in the answer's order.
create function assessment_decision(answer jsonb) returns jsonb
    language sql immutable parallel safe
    return jsonb_build_object(
        'route', answer -> 'route',
        'newAcquisitionRequired', answer -> 'newAcquisitionRequired',
        'securityReview', answer -> 'securityReview',
        'riskTier', answer -> 'riskTier',
        'dpiaRequired', answer -> 'dpiaRequired',
        'estimatedProcessingDays', answer -> 'estimatedProcessingDays',
        'warnings', jsonb_path_query_array(answer, '$.warnings[*].code'),
        'checklist', jsonb_path_query_array(answer, '$.checklist[*].code'),
        'responsible', jsonb_path_query_array(answer, '$.checklist[*].responsible'),
        'phase', jsonb_path_query_array(answer, '$.checklist[*].phase'),
        'mandatory', jsonb_path_query_array(answer, '$.checklist[*].mandatory'));

alter table assessments
    add column decision jsonb generated always as (assessment_decision(answer::jsonb)) stored;
