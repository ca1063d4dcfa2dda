package org.irfoundation.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link TasklistFilters#refreshOverdue} every minute (the app's only scheduled work besides the engine's jobs). */
@Configuration
@EnableScheduling
public class TasklistScheduling {}
