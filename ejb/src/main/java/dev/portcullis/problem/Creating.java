package dev.portcullis.problem;

import jakarta.validation.groups.Default;

/**
 * The validation group of a create: a record shared by create and PATCH marks what a create requires with it,
 * and the create method converts the default group to this one ({@code @ConvertGroup(to = Creating.class)}).
 */
public interface Creating extends Default {
}
