-- Shop customers with demographics, location and the device/platform they signed up on.
CREATE TABLE users (
  user_id INT UNSIGNED NOT NULL,
  email VARCHAR(190) NOT NULL,
  full_name VARCHAR(120) NOT NULL,
  gender VARCHAR(10) NOT NULL,
  birth_date DATE NOT NULL,
  city VARCHAR(80) NOT NULL,
  country_code CHAR(2) NOT NULL,
  device VARCHAR(10) NOT NULL,
  platform VARCHAR(10) NOT NULL,
  signup_date DATE NOT NULL,
  PRIMARY KEY (user_id),
  UNIQUE KEY uq_users_email (email),
  KEY ix_users_signup_date (signup_date),
  KEY ix_users_city (city),
  CONSTRAINT ck_users_gender CHECK (gender IN ('female', 'male', 'nonbinary', 'unknown')),
  CONSTRAINT ck_users_device CHECK (device IN ('mobile', 'desktop', 'tablet')),
  CONSTRAINT ck_users_platform CHECK (platform IN ('ios', 'android', 'web')),
  CONSTRAINT ck_users_birth_before_signup CHECK (birth_date < signup_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
