package dk.kk.itassessment.rulesets;

/** Another rule-set version became active (activation, roll-back, or seen from another node); published after it committed. */
public record ActiveVersionChanged(String versionId, String fingerprint) {
}
